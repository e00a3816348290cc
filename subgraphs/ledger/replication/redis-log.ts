import { createClient } from 'redis';
import { canonicalJson } from '../canonical.js';
import type { Checkpoint } from '../checkpoint.js';
import type { Entry } from '../schemas.js';
import type { ChainLog, PublishResult, ReadBatch, ResyncRequest } from './chain-log.js';
import { decodeCheckpoint, decodeTransported } from './decode.js';
import { asStreams, sequenceOf } from './redis-reply.js';

type Client = ReturnType<typeof createClient>;

/*
 * One stream per chain, `<prefix>:chain:<AUTHORITY>`, whose message ids are `<sequence>-0`.
 * Appending runs as one Lua script: it adds the entry only if it directly follows the stream's
 * top, so concurrent re-publishers (after Redis lost data) can never leave a hole. Ids make
 * delivery idempotent: re-publishing an entry that is there already is a no-op.
 */
const APPEND = `
local top = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
local topSeq = 0
if #top > 0 then topSeq = tonumber(string.match(top[1][1], '^(%d+)')) end
local seq = tonumber(ARGV[1])
if seq <= topSeq then
  local held = redis.call('XRANGE', KEYS[1], ARGV[1] .. '-0', ARGV[1] .. '-0')
  if #held > 0 then
    local fields = held[1][2]
    for i = 1, #fields, 2 do
      if fields[i] == 'hash' and fields[i + 1] == ARGV[3] then return 'exists' end
    end
  end
  return 'conflict'
end
if seq > topSeq + 1 then return 'gap:' .. topSeq end
redis.call('XADD', KEYS[1], ARGV[1] .. '-0', 'entry', ARGV[2], 'hash', ARGV[3])
return 'added'`;

export interface RedisLogOptions {
  /** e.g. redis://127.0.0.1:6379 */
  readonly url: string;
  /** Key prefix: one network per prefix (default `mra`). */
  readonly prefix?: string;
  /** Stops waiting for a Redis that does not answer. */
  readonly signal?: AbortSignal;
}

/** Opens a Redis Streams transport; two connections, since XREAD BLOCK holds one. */
export async function openRedisLog(options: RedisLogOptions): Promise<RedisLog> {
  const client = createClient({ url: options.url, socket: { reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000) } });
  client.on('error', () => {}); // reconnects on its own; callers see failures as rejected commands
  // connect() waits for a Redis that is down to come back; a caller may give up (abort) instead.
  const abandon = () => client.destroy();
  options.signal?.addEventListener('abort', abandon, { once: true });
  try {
    await client.connect();
  } finally {
    options.signal?.removeEventListener('abort', abandon);
  }
  options.signal?.throwIfAborted();
  const blocking = client.duplicate();
  blocking.on('error', () => {});
  await blocking.connect();
  const log = new RedisLog(client, blocking, options.prefix ?? 'mra');
  await log.init();
  return log;
}

export class RedisLog implements ChainLog {
  readonly #client: Client;
  readonly #blocking: Client;
  readonly #prefix: string;
  #controlCursor = '0-0';
  /** Position in each chain's checkpoint stream; a new reader starts at the oldest kept. */
  readonly #checkpointCursors = new Map<string, string>();

  constructor(client: Client, blocking: Client, prefix: string) {
    this.#client = client;
    this.#blocking = blocking;
    this.#prefix = prefix;
  }

  /** Starts the control channel at its current end: old resync requests are not ours to answer. */
  async init(): Promise<void> {
    const last = await this.#client.xRevRange(this.#controlKey(), '+', '-', { COUNT: 1 });
    this.#controlCursor = last[0]?.id ?? '0-0';
  }

  async publish(entry: Entry): Promise<PublishResult> {
    const reply = await this.#client.eval(APPEND, { keys: [this.#chainKey(entry.authority)], arguments: [String(entry.sequence), canonicalJson(entry), entry.hash] });
    const text = String(reply);
    if (text === 'added' || text === 'exists' || text === 'conflict') return { kind: text };
    return { kind: 'gap', top: Number(text.slice('gap:'.length)) };
  }

  async top(authority: string): Promise<number> {
    const last = await this.#client.xRevRange(this.#chainKey(authority), '+', '-', { COUNT: 1 });
    return last[0] ? sequenceOf(last[0].id) : 0;
  }

  async range(authority: string, from: number, to: number): Promise<Entry[]> {
    if (to < from) return [];
    const messages = await this.#client.xRange(this.#chainKey(authority), `${from}-0`, `${to}-0`);
    return messages.flatMap((m) => {
      const decoded = decodeTransported(authority, sequenceOf(m.id), String(m.message.entry));
      return 'reason' in decoded ? [] : [decoded];
    });
  }

  async read(cursors: ReadonlyMap<string, number>, blockMs: number): Promise<ReadBatch> {
    const streams = [
      ...[...cursors].map(([authority, cursor]) => ({ key: this.#chainKey(authority), id: `${cursor}-0` })),
      ...[...cursors.keys()].map((authority) => ({ key: this.#checkpointKey(authority), id: this.#checkpointCursors.get(authority) ?? '0-0' })),
      { key: this.#controlKey(), id: this.#controlCursor },
    ];
    const reply: unknown = await this.#blocking.xRead(streams, { BLOCK: blockMs, COUNT: 500 });
    const entries: Entry[] = [];
    const checkpoints: Checkpoint[] = [];
    const resync: ResyncRequest[] = [];
    const invalid: { authority: string; reason: string }[] = [];
    for (const stream of asStreams(reply)) {
      if (stream.name === this.#controlKey()) {
        for (const m of stream.messages) {
          this.#controlCursor = m.id;
          resync.push({ authority: m.fields.authority ?? '', from: Number(m.fields.from), requester: m.fields.requester ?? '' });
        }
        continue;
      }
      if (stream.name.startsWith(this.#checkpointKey(''))) {
        const authority = stream.name.slice(this.#checkpointKey('').length);
        for (const m of stream.messages) {
          this.#checkpointCursors.set(authority, m.id);
          const decoded = decodeCheckpoint(authority, m.fields.checkpoint ?? '');
          if ('reason' in decoded) invalid.push({ authority, reason: decoded.reason });
          else checkpoints.push(decoded);
        }
        continue;
      }
      const authority = stream.name.slice(this.#chainKey('').length);
      for (const m of stream.messages) {
        const decoded = decodeTransported(authority, sequenceOf(m.id), m.fields.entry ?? '');
        if ('reason' in decoded) invalid.push({ authority, reason: decoded.reason });
        else entries.push(decoded);
      }
    }
    return { entries, checkpoints, resync, invalid };
  }

  async publishCheckpoint(checkpoint: Checkpoint): Promise<void> {
    // Only the newest matters to a reader; a few older ones are kept for slow readers.
    await this.#client.xAdd(this.#checkpointKey(checkpoint.authority), '*', { checkpoint: canonicalJson(checkpoint) }, {
      TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: 32 },
    });
  }

  async latestCheckpoint(authority: string): Promise<Checkpoint | null> {
    const [last] = await this.#client.xRevRange(this.#checkpointKey(authority), '+', '-', { COUNT: 1 });
    const decoded = last ? decodeCheckpoint(authority, String(last.message.checkpoint)) : null;
    return decoded && !('reason' in decoded) ? decoded : null;
  }

  async requestResync(request: ResyncRequest): Promise<void> {
    await this.#client.xAdd(this.#controlKey(), '*', { authority: request.authority, from: String(request.from), requester: request.requester });
  }

  async reset(authority: string): Promise<void> {
    await this.#client.del(this.#chainKey(authority));
  }

  /** Deletes every key of this network: what a Redis that lost its data looks like. */
  async forgetEverything(): Promise<void> {
    for await (const keys of this.#client.scanIterator({ MATCH: `${this.#prefix}:*`, COUNT: 500 })) {
      if (keys.length > 0) await this.#client.del(keys);
    }
  }

  async close(): Promise<void> {
    this.#blocking.destroy(); // a blocked XREAD cannot be closed gracefully
    await this.#client.close();
  }

  #chainKey(authority: string): string {
    return `${this.#prefix}:chain:${authority}`;
  }

  #checkpointKey(authority: string): string {
    return `${this.#prefix}:checkpoints:${authority}`;
  }

  #controlKey(): string {
    return `${this.#prefix}:control`;
  }
}
