import type { Checkpoint } from '../checkpoint.js';
import type { Entry } from '../schemas.js';

/**
 * Outcome of publishing: added at its sequence; already there; refused because it would leave a
 * hole after `top`; or `conflict` — the log holds a *different* entry at that sequence (someone
 * with write access to the transport planted it), which the holder of the truth repairs.
 */
export type PublishResult =
  | { readonly kind: 'added' }
  | { readonly kind: 'exists' }
  | { readonly kind: 'gap'; readonly top: number }
  | { readonly kind: 'conflict' };

/** A peer asks everyone holding `authority`'s chain to publish it again from `from`. */
export interface ResyncRequest {
  readonly authority: string;
  readonly from: number;
  readonly requester: string;
}

/** What one blocking read returns. Undecodable messages are reported, never applied. */
export interface ReadBatch {
  readonly entries: readonly Entry[];
  /** Checkpoints published for the chains read (each replica verifies them itself). */
  readonly checkpoints: readonly Checkpoint[];
  readonly resync: readonly ResyncRequest[];
  readonly invalid: readonly { readonly authority: string; readonly reason: string }[];
}

/**
 * The transport replicas share: one ordered log per chain, keyed by sequence number. It is a
 * cache, never the truth — every entry read from it is verified again, and replicas publish
 * their own files again whenever the log has lost anything. Implementations: in-process bus
 * (embedded default) and Redis Streams. A log may carry every chain (one shared Redis) or one
 * authority's chain (its own Redis, followed directly by every partner: no hub). Both keep each log contiguous: an entry is added only
 * right after its predecessor, so a reader never meets a hole the log could have filled.
 */
export interface ChainLog {
  publish(entry: Entry): Promise<PublishResult>;
  /** Highest sequence held for a chain (0 when empty or lost). */
  top(authority: string): Promise<number>;
  /** Entries with sequence in [from, to], in order. */
  range(authority: string, from: number, to: number): Promise<Entry[]>;
  /** Entries after each chain's cursor, plus resync requests; waits up to `blockMs` for some. */
  read(cursors: ReadonlyMap<string, number>, blockMs: number): Promise<ReadBatch>;
  requestResync(request: ResyncRequest): Promise<void>;
  /** Publishes a signed checkpoint beside its chain; readers get it with the entries. */
  publishCheckpoint(checkpoint: Checkpoint): Promise<void>;
  /** The newest checkpoint published for a chain, or null. */
  latestCheckpoint(authority: string): Promise<Checkpoint | null>;
  /** Drops a chain's log so that it can be published again from a verified replica. */
  reset(authority: string): Promise<void>;
  close(): Promise<void>;
}
