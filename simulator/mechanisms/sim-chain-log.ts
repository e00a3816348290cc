import { canonicalJson, parseEntryJson, type ChainLog, type Checkpoint, type Entry, type PublishResult, type ReadBatch, type ResyncRequest } from '../../subgraphs/ledger/index.js';

interface Held {
  readonly text: string;
  readonly hash: string;
  /** Virtual time from which each reader's node holds the entry (absent: never within the run). */
  readonly readable: ReadonlyMap<string, number>;
}

/**
 * The replication transport on the virtual clock: the real `Replicator` of every country reads
 * and publishes through it, and the simulated network decides what each reader sees. A read
 * blocks until the scheduler lets that reader poll; it then returns what its node holds at the
 * poll's time. Entries are stored serialised, so readers decode and verify them as from Redis.
 */
export class SimLogNetwork {
  readonly #logs = new Map<string, Held[]>();
  readonly #readers = new Map<string, SimChainLog>();
  /** Decides, when an entry is first published, when each reader's node holds it. */
  readableTimes: (entry: Entry) => ReadonlyMap<string, number> = () => new Map();
  closed = false;

  connect(reader: string): SimChainLog {
    const log = new SimChainLog(this, reader);
    this.#readers.set(reader, log);
    return log;
  }

  publish(entry: Entry): PublishResult {
    const log = this.#logs.get(entry.authority) ?? [];
    if (entry.sequence <= log.length) return log[entry.sequence - 1]?.hash === entry.hash ? { kind: 'exists' } : { kind: 'conflict' };
    if (entry.sequence > log.length + 1) return { kind: 'gap', top: log.length };
    log.push({ text: canonicalJson(entry), hash: entry.hash, readable: this.readableTimes(entry) });
    this.#logs.set(entry.authority, log);
    return { kind: 'added' };
  }

  top(authority: string): number {
    return this.#logs.get(authority)?.length ?? 0;
  }

  /** Entries in [from, to] that `reader`'s node holds at `cut`, stopping at the first it does not (chains stay contiguous). */
  held(reader: string, authority: string, from: number, to: number, cut: number): Entry[] {
    const out: Entry[] = [];
    for (const held of (this.#logs.get(authority) ?? []).slice(Math.max(0, from - 1), Math.max(0, to))) {
      if ((held.readable.get(reader) ?? Infinity) > cut) break;
      out.push(parseEntryJson(held.text));
    }
    return out;
  }

  /** Lets `reader`'s replicator take one poll at virtual time `cut`, and waits until it has applied what it read. */
  async poll(reader: string, cut: number): Promise<void> {
    const log = this.#readers.get(reader);
    if (!log) return;
    await log.reading();
    log.release(cut);
    await log.reading();
  }

  /** Ends every pending read (the replicators are stopping). */
  close(): void {
    this.closed = true;
    this.#readers.forEach((log) => log.release(-1));
  }
}

export class SimChainLog implements ChainLog {
  readonly #network: SimLogNetwork;
  readonly #reader: string;
  #pending: ((cut: number) => void) | null = null;
  #waiting: (() => void)[] = [];
  #cut = 0;

  constructor(network: SimLogNetwork, reader: string) {
    this.#network = network;
    this.#reader = reader;
  }

  async publish(entry: Entry): Promise<PublishResult> {
    return this.#network.publish(entry);
  }

  async top(authority: string): Promise<number> {
    return this.#network.top(authority);
  }

  async range(authority: string, from: number, to: number): Promise<Entry[]> {
    return this.#network.held(this.#reader, authority, from, to, this.#cut);
  }

  read(cursors: ReadonlyMap<string, number>): Promise<ReadBatch> {
    if (this.#network.closed) return Promise.resolve({ entries: [], checkpoints: [], resync: [], invalid: [] });
    return new Promise((resolve) => {
      this.#pending = (cut) => {
        this.#cut = Math.max(this.#cut, cut);
        const entries = cut < 0 ? [] : [...cursors].flatMap(([authority, cursor]) => this.#network.held(this.#reader, authority, cursor + 1, cursor + 500, cut));
        resolve({ entries, checkpoints: [], resync: [], invalid: [] });
      };
      this.#waiting.splice(0).forEach((wake) => wake());
    });
  }

  /** Resolves once the replicator is blocked in `read` (it has finished with the previous batch). */
  reading(): Promise<void> {
    return this.#pending ? Promise.resolve() : new Promise((resolve) => this.#waiting.push(resolve));
  }

  release(cut: number): void {
    const pending = this.#pending;
    this.#pending = null;
    pending?.(cut);
  }

  async requestResync(_request: ResyncRequest): Promise<void> {}

  /** Checkpoints are not part of the simulated traffic (the simulator's replicas sign none). */
  async publishCheckpoint(_checkpoint: Checkpoint): Promise<void> {}

  async latestCheckpoint(_authority: string): Promise<Checkpoint | null> {
    return null;
  }

  async reset(_authority: string): Promise<void> {}

  async close(): Promise<void> {}
}
