import { isLedgerError } from '../errors.js';
import type { Checkpoint } from '../checkpoint.js';
import type { Replica } from '../replica.js';
import type { Entry } from '../schemas.js';
import type { ChainLog } from './chain-log.js';
import { TransportWatch, type ReplicationNotice } from './transport-watch.js';
import { watchedLog } from './watched-log.js';

export interface ReplicatorOptions {
  readonly replica: Replica;
  readonly log: ChainLog;
  /** A name for this replica in resync requests (its authority, or a reader id). */
  readonly name: string;
  /**
   * The chains this log carries (default: every authority's — one shared log). With one log per
   * authority, a node runs one Replicator per partner's log, each carrying that partner's chain.
   */
  readonly chains?: readonly string[];
  /** How often to compare the log with local chains and re-publish what it lost (ms). */
  readonly antiEntropyMs?: number;
  /** How long one blocking read waits (ms). */
  readonly blockMs?: number;
  /**
   * Told of every refused entry; of the log lost (TRANSPORT_ERROR, with why) once, however many
   * retries fail while it stays lost; and of it answering again (TRANSPORT_RESTORED, `info`), once.
   * Replication carries on meanwhile.
   */
  readonly onProblem?: (notice: ReplicationNotice) => void;
}

/** Counters for benchmarks, the simulator and health checks. */
export interface ReplicationStats {
  published: number;
  applied: number;
  duplicates: number;
  republished: number;
  /** Chains whose log held a planted entry and was rebuilt from this replica. */
  repaired: number;
  /** Partners' checkpoints verified and kept. */
  checkpoints: number;
  /** Refusals by code; TRANSPORT_ERROR counts every call to the log that failed, retries included. */
  rejected: Record<string, number>;
}

/**
 * Keeps a replica and a ChainLog in step: publishes the replica's own entries in order, applies
 * what others publish (each entry verified by the replica), fills gaps from the log or by asking
 * peers, and re-publishes local chains the log has lost. Delivery is at-least-once; applying is
 * idempotent, so nothing is lost and nothing is applied twice.
 */
export class Replicator {
  readonly stats: ReplicationStats = { published: 0, applied: 0, duplicates: 0, republished: 0, repaired: 0, checkpoints: 0, rejected: {} };
  readonly #o: Required<Omit<ReplicatorOptions, 'onProblem' | 'chains'>> & Pick<ReplicatorOptions, 'onProblem' | 'chains'>;
  #publishing: Promise<void> = Promise.resolve();
  #running = false;
  #loop: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe: () => void = () => {};
  /** Read position per chain: past the replica's height once an entry there was refused. */
  readonly #cursors = new Map<string, number>();
  readonly #transport = new TransportWatch({
    lost: (reason) => this.#o.onProblem?.({ code: 'TRANSPORT_ERROR', message: `lost (${reason}); retrying quietly until it answers` }),
    back: () => this.#o.onProblem?.({ code: 'TRANSPORT_RESTORED', message: 'answers again', level: 'info' }),
  });

  constructor(options: ReplicatorOptions) {
    this.#o = { antiEntropyMs: 5000, blockMs: 1000, ...options, log: watchedLog(options.log, this.#transport) };
  }

  /** Whether the log is lost: its last call failed, and none has answered since. */
  get transportLost(): boolean {
    return this.#transport.lost;
  }

  /** Re-publishes what the log lacks, then follows it until `stop`. */
  async start(): Promise<void> {
    this.#running = true;
    this.#unsubscribe = this.#o.replica.subscribe((event) => {
      if (event.kind === 'applied' && event.local && this.#carries(event.entry.authority)) this.#enqueue(() => this.#publish(event.entry));
      if (event.kind === 'checkpoint' && event.local && this.#carries(event.checkpoint.authority)) {
        this.#enqueue(() => this.#o.log.publishCheckpoint(event.checkpoint));
      }
    });
    await this.#readCheckpoints();
    await this.antiEntropy();
    this.#timer = setInterval(() => void this.antiEntropy(), this.#o.antiEntropyMs);
    this.#loop = this.#follow();
  }

  /** Waits for queued publishes, then stops reading. */
  async stop(): Promise<void> {
    await this.#publishing;
    this.abort();
    await this.#loop;
  }

  /** Stops at once, dropping queued publishes (what a crash does; anti-entropy repairs it). */
  abort(): void {
    this.#running = false;
    clearInterval(this.#timer);
    this.#unsubscribe();
  }

  /** Publishes every local entry the log is missing, for every chain this replica holds. */
  async antiEntropy(): Promise<void> {
    const { replica, log } = this.#o;
    this.#cursors.clear(); // read refused positions once more: the log may have been repaired
    for (const authority of this.#chains()) {
      const height = replica.height(authority);
      if (height === 0) continue;
      try {
        const top = await log.top(authority);
        if (top < height) await this.#enqueue(() => this.#republish(authority, top + 1));
        // Checkpoints are signed, so any holder may put the newest back on a log that lost it.
        const held = replica.latestCheckpoint(authority);
        const published = held ? await log.latestCheckpoint(authority) : null;
        if (held && (!published || published.treeSize < held.treeSize)) await this.#enqueue(() => log.publishCheckpoint(held));
      } catch (error) {
        this.#transportFailed(error);
      }
    }
  }

  /**
   * The newest checkpoint of every chain on the log, our own included: a node that lost its
   * files learns here how far its own chain went, stops signing, and reads it back from the log.
   */
  async #readCheckpoints(): Promise<void> {
    for (const authority of this.#chains()) {
      try {
        const checkpoint = await this.#o.log.latestCheckpoint(authority);
        if (checkpoint) this.#offerCheckpoint(checkpoint);
      } catch (error) {
        this.#transportFailed(error);
      }
    }
  }

  /** Chains on this log: the configured ones, or every authority the ledger knows. */
  #chains(): string[] {
    const known = Object.keys(this.#o.replica.state.authorities);
    return this.#o.chains ? known.filter((a) => this.#carries(a)) : known;
  }

  #carries(authority: string): boolean {
    return !this.#o.chains || this.#o.chains.includes(authority);
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    this.#publishing = this.#publishing.then(task).catch((error: unknown) => this.#transportFailed(error));
    return this.#publishing;
  }

  async #publish(entry: Entry): Promise<void> {
    if (!this.#running) return;
    const result = await this.#o.log.publish(entry);
    if (result.kind === 'gap') await this.#republish(entry.authority, result.top + 1);
    else if (result.kind === 'conflict') await this.#repair(entry.authority);
    else this.stats.published += 1;
  }

  /** The log holds an entry this replica's verified chain does not: rebuild that chain's log. */
  async #repair(authority: string): Promise<void> {
    this.#count('LOG_CONFLICT', `the transport held a planted entry on ${authority}'s chain; rebuilding it`);
    this.stats.repaired += 1;
    await this.#o.log.reset(authority);
    await this.#republish(authority, 1);
  }

  async #republish(authority: string, from: number): Promise<void> {
    for (const entry of this.#o.replica.chain(authority).range(from)) {
      if (!this.#running) return;
      const result = await this.#o.log.publish(entry);
      if (result.kind === 'added') this.stats.republished += 1;
      if (result.kind === 'gap') return this.#republish(authority, result.top + 1);
      if (result.kind === 'conflict') return this.#repair(authority);
    }
  }

  async #follow(): Promise<void> {
    const { replica, log, blockMs, name } = this.#o;
    while (this.#running) {
      try {
        // Our own chain is read back only while we are missing part of it (recovery).
        const cursors = new Map(
          this.#chains()
            .filter((a) => a !== replica.authority || replica.height(a) < replica.signingFloor())
            .map((a) => [a, Math.max(replica.height(a), this.#cursors.get(a) ?? 0)]),
        );
        const batch = await log.read(cursors, blockMs);
        if (!this.#running) return;
        for (const bad of batch.invalid) this.#count('MALFORMED_ENTRY', `${bad.authority}: ${bad.reason}`);
        for (const entry of batch.entries) {
          await this.#offer(entry);
          this.#cursors.set(entry.authority, Math.max(entry.sequence, this.#cursors.get(entry.authority) ?? 0));
        }
        for (const checkpoint of batch.checkpoints) this.#offerCheckpoint(checkpoint);
        for (const request of batch.resync) {
          if (request.requester !== name && this.#carries(request.authority)) await this.#enqueue(() => this.#republish(request.authority, request.from));
        }
        await new Promise((resolve) => setImmediate(resolve)); // never starve timers, even under a flood
      } catch (error) {
        if (!this.#running) return;
        this.#transportFailed(error);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  async #offer(entry: Entry): Promise<void> {
    const { replica, log, name } = this.#o;
    try {
      const result = replica.ingest(entry);
      if (result === 'applied') this.stats.applied += 1;
      else this.stats.duplicates += 1;
    } catch (error) {
      if (!isLedgerError(error, 'SEQUENCE_GAP')) return this.#rejected(error);
      const missing = await log.range(entry.authority, replica.height(entry.authority) + 1, entry.sequence);
      for (const earlier of missing) {
        if (earlier.sequence === replica.height(earlier.authority) + 1) await this.#offer(earlier);
      }
      if (replica.height(entry.authority) < entry.sequence) {
        await log.requestResync({ authority: entry.authority, from: replica.height(entry.authority) + 1, requester: name });
      }
    }
  }

  #offerCheckpoint(checkpoint: Checkpoint): void {
    try {
      if (this.#o.replica.acceptCheckpoint(checkpoint) === 'held') this.stats.checkpoints += 1;
    } catch (error) {
      this.#rejected(error);
    }
  }

  #rejected(error: unknown): void {
    this.#count(isLedgerError(error) ? error.code : 'REJECTED', messageOf(error));
  }

  /** A call to the log failed: counted every time; the watch tells once that it is lost. */
  #transportFailed(error: unknown): void {
    if (isLedgerError(error)) return this.#count(error.code, error.message);
    this.stats.rejected.TRANSPORT_ERROR = (this.stats.rejected.TRANSPORT_ERROR ?? 0) + 1;
  }

  #count(code: string, message: string): void {
    this.stats.rejected[code] = (this.stats.rejected[code] ?? 0) + 1;
    this.#o.onProblem?.({ code, message });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
