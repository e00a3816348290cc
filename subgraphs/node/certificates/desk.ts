import { createPubSub } from '@graphql-yoga/subscription';
import { nodeError } from '../errors.js';
import type { CertificateRecord, Replica } from '../../ledger/index.js';
import type { CertificateFetch } from './peer-fetch.js';
import { MemoryCertificateStore, type CertificateStore } from './store.js';

export interface CertificateDeskOptions {
  readonly country: string;
  readonly replica: Replica;
  readonly store?: CertificateStore;
  /** How this node gets content addressed to it from the issuer's node (none: cannot receive). */
  readonly fetch?: CertificateFetch;
}

/**
 * A node's certificate office: the content it holds, how it fetches content addressed to it, and
 * the feed of certificates arriving for its authority (an issue entry naming it as importer).
 */
export class CertificateDesk {
  readonly country: string;
  readonly store: CertificateStore;
  readonly pubSub = createPubSub<{ arrived: [CertificateRecord] }>();
  readonly #fetch: CertificateFetch | undefined;
  readonly #unsubscribe: () => void;

  constructor(options: CertificateDeskOptions) {
    this.country = options.country;
    this.store = options.store ?? new MemoryCertificateStore();
    this.#fetch = options.fetch;
    this.#unsubscribe = options.replica.subscribe((event) => {
      if (event.kind !== 'applied' || event.entry.type !== 'CERT_ISSUED' || event.entry.payload.importer !== this.country) return;
      const record = options.replica.state.certificates.get(event.entry.payload.number);
      if (record) this.pubSub.publish('arrived', record);
    });
  }

  fetch: CertificateFetch = (exporter, number) => {
    if (!this.#fetch) throw nodeError('CONTENT_UNAVAILABLE', `this node cannot fetch from ${exporter}: no peers configured`, { owner: exporter });
    return this.#fetch(exporter, number);
  };

  close(): void {
    this.#unsubscribe();
  }
}
