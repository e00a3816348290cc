import { importJson, type PhytosanitaryCertificate } from '../../certificates/index.js';
import type { SigningKey } from '../../ledger/index.js';
import { mintToken } from '../access/index.js';
import { nodeError } from '../errors.js';

/** Fetches a certificate's content from its issuer's node. */
export type CertificateFetch = (exporter: string, number: string) => Promise<PhytosanitaryCertificate>;

export interface PeerFetchOptions {
  /** This (importing) authority and its own key: the issuer's node checks that the caller is the named importer. */
  readonly country: string;
  readonly key: SigningKey;
  /** GraphQL URL of each partner's node, e.g. { CR: 'http://127.0.0.1:4002/graphql' }. */
  readonly peers: Readonly<Record<string, string>>;
  readonly now: () => Date;
}

const QUERY = 'query($n: String!) { certificate(number: $n) { document(format: JSON) } }';

/**
 * Asks the issuer's node for the content with a token signed by this authority's own key, so
 * the issuer's node serves it only because the caller is the importer it names.
 */
export function peerFetch(options: PeerFetchOptions): CertificateFetch {
  return async (exporter, number) => {
    const url = options.peers[exporter];
    if (!url) throw nodeError('CONTENT_UNAVAILABLE', `no node of ${exporter} is configured here (mra-hub node --peer ${exporter}=URL)`, { owner: exporter });
    const token = await mintToken(options.key, { country: options.country, role: 'officer', subject: `node@${options.country}` }, options.now(), 300);
    let body: { data?: { certificate?: { document?: string | null } | null } | null; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: QUERY, variables: { n: number } }),
      });
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw nodeError('CONTENT_UNAVAILABLE', `${exporter}'s node did not answer: ${error instanceof Error ? error.message : 'unreachable'}`, { owner: exporter });
    }
    const document = body.data?.certificate?.document;
    if (typeof document !== 'string') {
      const first = body.errors?.[0];
      throw nodeError('CONTENT_UNAVAILABLE', `${exporter}'s node did not serve ${number}: ${first?.extensions?.code ?? ''} ${first?.message ?? 'no content'}`.trim(), { owner: exporter });
    }
    return importJson(document, `${exporter}'s node`);
  };
}
