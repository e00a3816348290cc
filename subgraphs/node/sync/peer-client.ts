import { parseCheckpoint, parseEntryJson, type Checkpoint, type Entry } from '../../ledger/index.js';

/** What a peer answered for one page of a chain; entries parsed, not yet verified. */
export interface PeerPage {
  readonly height: number;
  readonly entries: readonly Entry[];
  readonly checkpoint: Checkpoint | null;
}

export interface PeerProof {
  readonly fromSize: number;
  readonly toSize: number;
  readonly fromRoot: string;
  readonly toRoot: string;
  readonly path: readonly string[];
  readonly toCheckpoint: Checkpoint | null;
}

/** A failed call to a peer: unreachable, or an answer with a GraphQL error (its code kept). */
export class PeerError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'PeerError';
    this.code = code;
  }
}

const CHECKPOINT = 'network authority treeSize rootHash timestamp keyId signature';

/**
 * Talks to a partner's node over its GraphQL endpoint: pages of a chain, checkpoints and
 * consistency proofs. Everything it returns is parsed strictly; the caller verifies it.
 */
export class PeerClient {
  readonly url: string;
  readonly #token: () => Promise<string | null>;
  readonly #timeoutMs: number;

  constructor(url: string, options: { readonly token?: () => Promise<string | null>; readonly timeoutMs?: number } = {}) {
    this.url = url.endsWith('/graphql') ? url : `${url.replace(/\/$/, '')}/graphql`;
    this.#token = options.token ?? (async () => null);
    this.#timeoutMs = options.timeoutMs ?? 5000;
  }

  async page(country: string, from: number, limit = 500): Promise<PeerPage> {
    const data = await this.#query<{ ledgerEntries: { height: number; entries: string[]; checkpoint: unknown } }>(
      `query($c: String!, $f: Int!, $l: Int) { ledgerEntries(country: $c, from: $f, limit: $l) { height entries checkpoint { ${CHECKPOINT} } } }`,
      { c: country, f: from, l: limit },
    );
    const page = data.ledgerEntries;
    return { height: page.height, entries: page.entries.map(parseEntryJson), checkpoint: page.checkpoint ? parseCheckpoint(page.checkpoint) : null };
  }

  async checkpoints(): Promise<Checkpoint[]> {
    const data = await this.#query<{ checkpoints: unknown[] }>(`{ checkpoints { ${CHECKPOINT} } }`, {});
    return data.checkpoints.map(parseCheckpoint);
  }

  async consistencyProof(country: string, fromSize: number, toSize: number | null): Promise<PeerProof> {
    const data = await this.#query<{ consistencyProof: Omit<PeerProof, 'toCheckpoint'> & { toCheckpoint: unknown } }>(
      `query($c: String!, $f: Int!, $t: Int) { consistencyProof(country: $c, fromSize: $f, toSize: $t) { fromSize toSize fromRoot toRoot path toCheckpoint { ${CHECKPOINT} } } }`,
      { c: country, f: fromSize, t: toSize },
    );
    const proof = data.consistencyProof;
    return { ...proof, toCheckpoint: proof.toCheckpoint ? parseCheckpoint(proof.toCheckpoint) : null };
  }

  async #query<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const token = await this.#token();
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      throw new PeerError('PEER_UNAVAILABLE', `${this.url}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    const error = body.errors?.[0];
    if (error || !body.data) throw new PeerError(error?.extensions?.code ?? 'PEER_UNAVAILABLE', `${this.url}: ${error?.message ?? `HTTP ${response.status}`}`);
    return body.data;
  }
}
