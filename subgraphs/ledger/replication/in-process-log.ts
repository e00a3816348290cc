import { canonicalJson } from '../canonical.js';
import type { Checkpoint } from '../checkpoint.js';
import type { Entry } from '../schemas.js';
import type { ChainLog, PublishResult, ReadBatch, ResyncRequest } from './chain-log.js';
import { decodeCheckpoint, decodeTransported } from './decode.js';

/**
 * The embedded transport: logs held in one process, for a node with no Redis, tests and the
 * simulator. Entries are stored serialised, so readers decode and verify them as from Redis.
 */
export class InProcessBus {
  readonly #logs = new Map<string, { text: string; hash: string }[]>();
  readonly #control: ResyncRequest[] = [];
  readonly #checkpoints = new Map<string, string[]>();
  readonly #waiters = new Set<() => void>();

  /** A connection for one replica (each keeps its own position in the control channel). */
  connect(): ChainLog {
    return new InProcessLog(this);
  }

  /** Loses every log, as a Redis that restarted empty would. */
  clear(): void {
    this.#logs.clear();
    this.#checkpoints.clear();
    this.#wake();
  }

  publish(entry: Entry): PublishResult {
    const log = this.#logs.get(entry.authority) ?? [];
    if (entry.sequence <= log.length) return log[entry.sequence - 1]?.hash === entry.hash ? { kind: 'exists' } : { kind: 'conflict' };
    if (entry.sequence > log.length + 1) return { kind: 'gap', top: log.length };
    log.push({ text: canonicalJson(entry), hash: entry.hash });
    this.#logs.set(entry.authority, log);
    this.#wake();
    return { kind: 'added' };
  }

  top(authority: string): number {
    return this.#logs.get(authority)?.length ?? 0;
  }

  slice(authority: string, from: number, to: number): { sequence: number; text: string }[] {
    const log = this.#logs.get(authority) ?? [];
    return log.slice(Math.max(0, from - 1), Math.max(0, to)).map(({ text }, i) => ({ sequence: Math.max(1, from) + i, text }));
  }

  publishCheckpoint(checkpoint: Checkpoint): void {
    const list = this.#checkpoints.get(checkpoint.authority) ?? [];
    list.push(canonicalJson(checkpoint));
    this.#checkpoints.set(checkpoint.authority, list);
    this.#wake();
  }

  /** Serialised checkpoints of a chain, oldest first. */
  checkpointsOf(authority: string): readonly string[] {
    return this.#checkpoints.get(authority) ?? [];
  }

  control(from: number): ResyncRequest[] {
    return this.#control.slice(from);
  }

  get controlLength(): number {
    return this.#control.length;
  }

  reset(authority: string): void {
    this.#logs.delete(authority);
  }

  requestResync(request: ResyncRequest): void {
    this.#control.push(request);
    this.#wake();
  }

  /** Resolves on the next publish or after `ms`; `signal` lets a closing reader stop waiting. */
  waitForChange(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#waiters.add(done);
    });
  }

  #wake(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }
}

class InProcessLog implements ChainLog {
  readonly #bus: InProcessBus;
  #controlCursor: number;
  readonly #checkpointCursors = new Map<string, number>();
  #closed = false;

  constructor(bus: InProcessBus) {
    this.#bus = bus;
    this.#controlCursor = bus.controlLength;
  }

  async publish(entry: Entry): Promise<PublishResult> {
    return this.#bus.publish(entry);
  }

  async top(authority: string): Promise<number> {
    return this.#bus.top(authority);
  }

  async range(authority: string, from: number, to: number): Promise<Entry[]> {
    return this.#decode(authority, this.#bus.slice(authority, from, to)).entries;
  }

  async read(cursors: ReadonlyMap<string, number>, blockMs: number): Promise<ReadBatch> {
    let batch = this.#collect(cursors);
    if (batch.entries.length === 0 && batch.checkpoints.length === 0 && batch.resync.length === 0 && !this.#closed) {
      await this.#bus.waitForChange(blockMs);
      batch = this.#collect(cursors);
    }
    return batch;
  }

  async requestResync(request: ResyncRequest): Promise<void> {
    this.#bus.requestResync(request);
  }

  async reset(authority: string): Promise<void> {
    this.#bus.reset(authority);
  }

  async publishCheckpoint(checkpoint: Checkpoint): Promise<void> {
    this.#bus.publishCheckpoint(checkpoint);
  }

  async latestCheckpoint(authority: string): Promise<Checkpoint | null> {
    const last = this.#bus.checkpointsOf(authority).at(-1);
    const decoded = last === undefined ? null : decodeCheckpoint(authority, last);
    return decoded && !('reason' in decoded) ? decoded : null;
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  #collect(cursors: ReadonlyMap<string, number>): ReadBatch {
    const entries: Entry[] = [];
    const checkpoints: Checkpoint[] = [];
    const invalid: ReadBatch['invalid'][number][] = [];
    for (const [authority, cursor] of cursors) {
      const decoded = this.#decode(authority, this.#bus.slice(authority, cursor + 1, cursor + 500));
      entries.push(...decoded.entries);
      invalid.push(...decoded.invalid);
      const published = this.#bus.checkpointsOf(authority);
      // A new reader starts from the newest checkpoint: older ones vouch for less.
      const from = this.#checkpointCursors.get(authority) ?? Math.max(0, published.length - 1);
      for (const text of published.slice(from)) {
        const checkpoint = decodeCheckpoint(authority, text);
        if ('reason' in checkpoint) invalid.push({ authority, reason: checkpoint.reason });
        else checkpoints.push(checkpoint);
      }
      this.#checkpointCursors.set(authority, published.length);
    }
    const resync = this.#bus.control(this.#controlCursor);
    this.#controlCursor += resync.length;
    return { entries, checkpoints, resync, invalid };
  }

  #decode(authority: string, messages: { sequence: number; text: string }[]) {
    const entries: Entry[] = [];
    const invalid: { authority: string; reason: string }[] = [];
    for (const message of messages) {
      const decoded = decodeTransported(authority, message.sequence, message.text);
      if ('reason' in decoded) invalid.push({ authority, reason: decoded.reason });
      else entries.push(decoded);
    }
    return { entries, invalid };
  }
}
