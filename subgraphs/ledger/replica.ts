import { Chain } from './chain.js';
import { CheckpointBook, type CheckpointOutcome } from './checkpoint-book.js';
import { checkCheckpointSignature, signCheckpoint, verifyCheckpoint, type Checkpoint } from './checkpoint.js';
import { checkStoredCheckpoint, checkStoredEvidence } from './stored-checks.js';
import { decide, type Command } from './decide.js';
import { label, sealEntry } from './entry.js';
import { LedgerError, isLedgerError } from './errors.js';
import { evolve } from './evolve.js';
import { networkId, type Genesis } from './genesis.js';
import type { SigningKey } from './keys.js';
import { loadChains } from './load-chains.js';
import type { ConsistencyProof, InclusionProof } from './proofs.js';
import type { Entry } from './schemas.js';
import { initialState, type LedgerState } from './state.js';
import { MemoryStore, type ForkEvidence, type LedgerStore } from './store/index.js';
import { verifyEntry } from './verify-entry.js';

export interface ReplicaOptions {
  readonly genesis: Genesis;
  /** Durable storage; in memory when omitted. */
  readonly store?: LedgerStore;
  /** The authority this replica writes for, with its current signing key. */
  readonly signer?: { readonly authority: string; readonly key: SigningKey };
  /** The clock for entry timestamps (passed in so replays are exact). */
  readonly now: () => Date;
}

export type ReplicaEvent =
  | { readonly kind: 'applied'; readonly entry: Entry; readonly local: boolean }
  | { readonly kind: 'fork'; readonly evidence: ForkEvidence }
  /** A checkpoint this replica now holds: signed here (`local`) or verified from elsewhere. */
  | { readonly kind: 'checkpoint'; readonly checkpoint: Checkpoint; readonly local: boolean }
  /** A pending checkpoint did not match the entries once they arrived. */
  | { readonly kind: 'problem'; readonly code: string; readonly message: string };

/** Outcome of offering an entry: appended, or already held (an identical replay is a no-op). */
export type IngestResult = 'applied' | 'duplicate';

/**
 * One replica of the shared ledger: every chain of the network, verified entry by entry, and the
 * state folded from them. Only the `signer` authority's chain can be written through `submit`.
 */
export class Replica {
  readonly network: string;
  readonly #store: LedgerStore;
  readonly #now: () => Date;
  readonly #chains = new Map<string, Chain>();
  readonly #listeners = new Set<(event: ReplicaEvent) => void>();
  readonly #evidence: ForkEvidence[];
  readonly #checkpoints = new CheckpointBook();
  #signer: { readonly authority: string; key: SigningKey } | null;
  #state: LedgerState;

  private constructor(options: ReplicaOptions & { readonly store: LedgerStore }, evidence: readonly ForkEvidence[]) {
    this.network = networkId(options.genesis);
    this.#store = options.store;
    this.#now = options.now;
    this.#signer = options.signer ? { ...options.signer } : null;
    this.#state = initialState(options.genesis, this.network);
    this.#evidence = [...evidence];
  }

  /**
   * Opens a replica, re-verifying every stored entry; a damaged store is STORAGE_CORRUPT. The
   * replica owns its store from here on: closing it closes the store, and so does a failed open
   * (a file store then releases its directory's lock).
   */
  static open(options: ReplicaOptions): Replica {
    const store = options.store ?? new MemoryStore();
    try {
      return Replica.#load({ ...options, store });
    } catch (error) {
      store.close();
      throw error;
    }
  }

  static #load(options: ReplicaOptions & { readonly store: LedgerStore }): Replica {
    const { store } = options;
    const stored = store.load();
    const replica = new Replica(options, stored.evidence);
    const problems = loadChains(stored.chains, (entry) => replica.#accept(entry, { persist: false, local: false }));
    if (problems.length > 0) {
      const first = problems[0] as (typeof problems)[number];
      throw new LedgerError('STORAGE_CORRUPT', `stored ledger does not verify: ${first.message}`, { problems });
    }
    for (const evidence of replica.#evidence) checkStoredEvidence(replica.#state, evidence);
    for (const checkpoint of stored.checkpoints.values()) {
      const chain = replica.chain(checkpoint.authority);
      checkStoredCheckpoint(replica.#state, chain, checkpoint);
      replica.#checkpoints.offer(replica.#state, chain, checkpoint); // already stored
    }
    return replica;
  }

  get state(): LedgerState {
    return this.#state;
  }

  get authority(): string | null {
    return this.#signer?.authority ?? null;
  }

  get evidence(): readonly ForkEvidence[] {
    return this.#evidence;
  }

  /** The chain of an authority (empty if nothing has arrived yet). */
  chain(authority: string): Chain {
    let chain = this.#chains.get(authority);
    if (!chain) {
      chain = new Chain(authority);
      this.#chains.set(authority, chain);
    }
    return chain;
  }

  /** Number of entries held for an authority. */
  height(authority: string): number {
    return this.#chains.get(authority)?.length ?? 0;
  }

  /** Verifies and applies an entry from elsewhere (a peer, a stream, a file). */
  ingest(entry: Entry): IngestResult {
    return this.#accept(entry, { persist: true, local: false });
  }

  /** Decides, signs and appends a command on this replica's own chain; returns the new entry. */
  submit(command: Command, privateDigest: string | null = null): Entry {
    const signer = this.#signer;
    if (!signer) throw new LedgerError('NOT_ISSUER', 'this replica has no signing authority');
    this.#assertCaughtUp(signer.authority);
    const content = decide(command, this.#state, signer.authority);
    const chain = this.chain(signer.authority);
    const body = {
      v: 1 as const,
      network: this.network,
      authority: signer.authority,
      sequence: chain.length + 1,
      ...content,
      privateDigest,
      previousHash: chain.head?.hash ?? this.network,
      timestamp: this.#now().toISOString(),
      keyId: signer.key.keyId,
    };
    const entry = sealEntry(body, signer.key);
    this.#accept(entry, { persist: true, local: true });
    return entry;
  }

  /** Rotates this authority's key: the rotation entry is signed with the old key. */
  rotateKey(next: SigningKey): Entry {
    const entry = this.submit({ kind: 'rotateKey', publicKey: next.publicKey });
    if (this.#signer) this.#signer.key = next;
    return entry;
  }

  /** Signs and stores a checkpoint over this authority's own chain. */
  checkpoint(): Checkpoint {
    const signer = this.#signer;
    if (!signer) throw new LedgerError('NOT_ISSUER', 'this replica has no signing authority');
    this.#assertCaughtUp(signer.authority);
    const held = this.#checkpoints.held(signer.authority);
    if (held && held.treeSize === this.height(signer.authority)) return held; // nothing new to vouch for
    const checkpoint = signCheckpoint(this.#state, this.chain(signer.authority), signer.key, this.#now());
    this.#checkpoints.offer(this.#state, this.chain(signer.authority), checkpoint);
    this.#hold(checkpoint, true);
    return checkpoint;
  }

  /**
   * Checks a checkpoint (ours or a peer's) against the local copy of that chain and keeps it:
   * CHAIN_TRUNCATED when this replica holds fewer entries than it vouches for (for audits: a
   * replica that is merely behind should use `acceptCheckpoint`).
   */
  verifyCheckpoint(checkpoint: Checkpoint): void {
    verifyCheckpoint(this.#state, this.chain(checkpoint.authority), checkpoint);
    this.acceptCheckpoint(checkpoint);
  }

  /**
   * Takes a checkpoint that travelled with the entries. Its signature must verify (BAD_CHECKPOINT);
   * if this replica holds that many entries the roots must match (BAD_CHECKPOINT); if it holds
   * fewer it is kept pending and checked when they arrive. A newer checkpoint for fewer entries
   * than one held is CHAIN_TRUNCATED. A checkpoint of our own chain beyond what we hold means we
   * lost entries: signing stops until they are back (RECOVERY_INCOMPLETE).
   */
  acceptCheckpoint(checkpoint: Checkpoint): CheckpointOutcome {
    checkCheckpointSignature(this.#state, checkpoint);
    const outcome = this.#checkpoints.offer(this.#state, this.chain(checkpoint.authority), checkpoint);
    if (outcome === 'held') this.#hold(checkpoint, false);
    return outcome;
  }

  /**
   * The newest checkpoint held for a chain. For our own chain it covers every entry: signed now
   * if the last one is behind (unless we are still recovering and may not sign).
   */
  latestCheckpoint(authority: string): Checkpoint | null {
    const held = this.#checkpoints.held(authority);
    const ours = this.#signer?.authority === authority;
    if (!ours || (held && held.treeSize === this.height(authority)) || this.height(authority) < this.signingFloor()) return held;
    return this.checkpoint();
  }

  /** Newest checkpoints of every chain held here. */
  checkpoints(): Checkpoint[] {
    return this.#checkpoints.all();
  }

  /** The tree size this replica must reach on its own chain before it may sign again. */
  signingFloor(): number {
    const authority = this.#signer?.authority;
    return authority ? this.#checkpoints.highestSeen(authority) : 0;
  }

  inclusionProof(authority: string, sequence: number, treeSize = this.height(authority)): InclusionProof {
    const chain = this.chain(authority);
    return { sequence, treeSize, rootHash: chain.root(treeSize), path: chain.inclusionProof(sequence, treeSize) };
  }

  consistencyProof(authority: string, oldSize: number, newSize = this.height(authority)): ConsistencyProof {
    const chain = this.chain(authority);
    return { oldSize, newSize, oldRoot: chain.root(oldSize), newRoot: chain.root(newSize), path: chain.consistencyProof(oldSize, newSize) };
  }

  /** Listens to applied entries and detected forks; returns the unsubscribe function. */
  subscribe(listener: (event: ReplicaEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.#listeners.clear();
    this.#store.close();
  }

  #accept(entry: Entry, how: { persist: boolean; local: boolean }): IngestResult {
    const chain = this.chain(entry.authority);
    const verdict = verifyEntry(this.#state, chain, entry);
    if (verdict.kind === 'duplicate') return 'duplicate';
    if (verdict.kind === 'fork') return this.#forked(verdict.existing, entry);
    if (how.persist) this.#store.append(entry); // durable before it counts
    chain.push(entry);
    this.#state = evolve(this.#state, entry);
    this.#emit({ kind: 'applied', entry, local: how.local });
    this.#checkReached(chain);
    return 'applied';
  }

  #checkReached(chain: Chain): void {
    try {
      const reached = this.#checkpoints.reached(this.#state, chain);
      if (reached) this.#hold(reached, false);
    } catch (error) {
      const code = isLedgerError(error) ? error.code : 'BAD_CHECKPOINT';
      this.#emit({ kind: 'problem', code, message: error instanceof Error ? error.message : String(error) });
    }
  }

  #hold(checkpoint: Checkpoint, local: boolean): void {
    this.#store.saveCheckpoint(checkpoint);
    this.#emit({ kind: 'checkpoint', checkpoint, local });
  }

  #assertCaughtUp(authority: string): void {
    const floor = this.#checkpoints.highestSeen(authority);
    if (this.height(authority) < floor) {
      throw new LedgerError('RECOVERY_INCOMPLETE', `${authority} holds ${this.height(authority)} of its own entries but has signed a checkpoint at ${floor}; it signs nothing until it has them back from peers`, {
        held: this.height(authority), floor,
      });
    }
  }

  #forked(existing: Entry, conflicting: Entry): never {
    if (!this.#evidence.some((e) => e.conflicting.hash === conflicting.hash)) {
      const evidence = { authority: existing.authority, sequence: existing.sequence, existing, conflicting, detectedAt: this.#now().toISOString() };
      this.#store.recordEvidence(evidence);
      this.#evidence.push(evidence);
      this.#emit({ kind: 'fork', evidence });
    }
    throw new LedgerError('FORK_DETECTED', `${existing.authority} signed two different entries at ${label(existing)}`, {
      existing: existing.hash,
      conflicting: conflicting.hash,
    });
  }

  #emit(event: ReplicaEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
