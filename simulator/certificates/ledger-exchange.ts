import { createHash } from 'node:crypto';
import { certificateDigest, checkAuthenticity, type Authenticity, type PhytosanitaryCertificate } from '../../subgraphs/certificates/index.js';
import { createGenesis, isLedgerError, Replica, signingKeyFromSeed, type SigningKey } from '../../subgraphs/ledger/index.js';
import type { CertificateWorld } from './world.js';

/**
 * The shared-ledger mechanism on the real ledger code: one `Replica` per authority (keys derived
 * from the seed), each step decided, signed and appended by the authority allowed to take it, and
 * every other replica verifying and applying it in chain order before it acts on it.
 */
export class LedgerExchange {
  readonly #replicas: ReadonlyMap<string, Replica>;
  #now = 0;
  /** Entries signed, and entries verified and applied by another replica. */
  signed = 0;
  verified = 0;

  constructor(world: CertificateWorld) {
    const startMs = Date.parse(`${world.scenario.start}T00:00:00Z`);
    const clock = () => new Date(startMs + Math.round(this.#now * 1000));
    const keys = new Map(world.authorities.map((c) => [c, signingKeyFromSeed(createHash('sha256').update(`${world.seed}:certificate-key:${c}`).digest())]));
    const genesis = createGenesis(`sim-${world.scenario.name}`, world.authorities.map((c) => ({ country: c, name: `NPPO of ${c}`, publicKey: (keys.get(c) as SigningKey).publicKey })), new Date(startMs));
    this.#replicas = new Map(world.authorities.map((c) => [c, Replica.open({ genesis, now: clock, signer: { authority: c, key: keys.get(c) as SigningKey } })]));
  }

  /** Sets the virtual time (seconds since start) the next entries are stamped with. */
  at(seconds: number): void {
    this.#now = seconds;
  }

  /** The exporter decides, signs and appends CERT_ISSUED with the document's digest. */
  issue(document: PhytosanitaryCertificate): void {
    this.#submit(document.exportCountry, { kind: 'issueCertificate', number: document.number, importer: document.importCountry, digest: certificateDigest(document) });
  }

  /** The importer follows the exporter's chain, checks the fetched content against the digest (DIGEST_MISMATCH otherwise), receives and accepts. */
  receive(document: PhytosanitaryCertificate): void {
    this.#follow(document.importCountry, document.exportCountry);
    this.#submit(document.importCountry, { kind: 'receiveCertificate', number: document.number, digest: certificateDigest(document) });
    this.#submit(document.importCountry, { kind: 'acceptCertificate', number: document.number });
  }

  /** The importer records the clearance; null when refused, else the code (CERTIFICATE_CONSUMED on a second use). */
  consume(importer: string, number: string, clearance: string): string | null {
    try {
      this.#submit(importer, { kind: 'consumeCertificate', number, clearance });
      return null;
    } catch (error) {
      if (isLedgerError(error)) return error.code;
      throw error;
    }
  }

  /** A border officer's authenticity check of a presented copy against the importer's replica. */
  check(copy: PhytosanitaryCertificate, importer: string): Authenticity {
    this.#follow(importer, copy.exportCountry);
    return checkAuthenticity(copy, this.#replica(importer).state).authenticity;
  }

  /** At the end, every replica catches up on every chain: every entry verified everywhere. */
  settle(): void {
    for (const reader of this.#replicas.keys()) for (const author of this.#replicas.keys()) this.#follow(reader, author);
  }

  #submit(authority: string, command: Parameters<Replica['submit']>[0]): void {
    this.#replica(authority).submit(command);
    this.signed += 1;
  }

  /** `reader` ingests `author`'s chain from its own height, in order, as its replicator would. */
  #follow(reader: string, author: string): void {
    if (reader === author) return;
    const mine = this.#replica(reader);
    const chain = this.#replica(author).chain(author);
    for (let sequence = mine.height(author) + 1; sequence <= chain.length; sequence++) {
      const entry = chain.at(sequence);
      if (!entry) break;
      mine.ingest(entry);
      this.verified += 1;
    }
  }

  #replica(authority: string): Replica {
    const replica = this.#replicas.get(authority);
    if (!replica) throw new Error(`no replica for ${authority}`);
    return replica;
  }
}
