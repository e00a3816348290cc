import { TransportWatch, type Replica, type ReplicationNotice } from '../../ledger/index.js';
import type { PeerClient, PeerPage } from './peer-client.js';

export interface PeerFollowerOptions {
  readonly replica: Replica;
  readonly peers: readonly PeerClient[];
  /** Pause between polls of every peer (ms). */
  readonly intervalMs?: number;
  /** Entries per page. */
  readonly pageSize?: number;
  readonly onProblem?: (notice: ReplicationNotice) => void;
}

/** How a round asks a peer for a page: straight, or through that peer's TransportWatch (a follower). */
type Ask = (peer: PeerClient, authority: string, from: number, limit: number) => Promise<PeerPage>;

/** What one round of catch-up brought in. */
export interface CatchUpResult {
  readonly applied: number;
  readonly checkpoints: number;
  readonly problems: number;
}

/**
 * Catches a replica up straight from partners' nodes over HTTP, with no log in between: for
 * every chain, pages from the local height on, each entry verified by the replica as from any
 * transport, and each peer's checkpoints kept. Runs in rounds until nothing new arrives, so a
 * chain admitted by another chain's entry (a new MRA member) is fetched in the same call.
 */
export async function catchUpFromPeers(options: PeerFollowerOptions & { readonly ask?: Ask }): Promise<CatchUpResult> {
  const { replica, peers, pageSize = 500, ask = (peer, authority, from, limit) => peer.page(authority, from, limit) } = options;
  const result = { applied: 0, checkpoints: 0, problems: 0 };
  const problem = (code: string, message: string) => {
    result.problems += 1;
    options.onProblem?.({ code, message });
  };
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (const peer of peers) {
      chains: for (const authority of Object.keys(replica.state.authorities)) {
        try {
          for (;;) {
            const page = await ask(peer, authority, replica.height(authority) + 1, pageSize);
            let appliedHere = 0;
            for (const entry of page.entries) if (replica.ingest(entry) === 'applied') appliedHere += 1;
            if (page.checkpoint && replica.acceptCheckpoint(page.checkpoint) === 'held') result.checkpoints += 1;
            result.applied += appliedHere;
            if (appliedHere > 0) progressed = true;
            if (appliedHere === 0 || replica.height(authority) >= page.height) break;
          }
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          if (code === 'PEER_UNAVAILABLE') {
            problem(code, error instanceof Error ? error.message : String(error));
            break chains; // one report per unreachable peer per round
          }
          problem(typeof code === 'string' ? code : 'PEER_ERROR', `${peer.url} ${authority}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  }
  return result;
}

const unavailable = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'PEER_UNAVAILABLE';

/**
 * Polls partners' nodes every `intervalMs`: liveness that needs no log at all. A peer that stops
 * answering is told once (PEER_UNAVAILABLE, with why), not every round, and once when it answers
 * again (PEER_RESTORED, info); any other problem is told once for as long as it recurs every round.
 */
export class PeerFollower {
  readonly #options: PeerFollowerOptions;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #round: Promise<unknown> = Promise.resolve();
  readonly #watches = new Map<PeerClient, TransportWatch>();

  constructor(options: PeerFollowerOptions) {
    this.#options = options;
  }

  start(): void {
    this.#running = true;
    let reported = new Set<string>();
    const tick = () => {
      const seen = new Set<string>();
      const onProblem = (p: ReplicationNotice) => {
        if (p.code === 'PEER_UNAVAILABLE') return; // the peer's watch tells it
        const key = `${p.code} ${p.message}`;
        seen.add(key);
        if (!reported.has(key)) this.#options.onProblem?.(p);
      };
      const ask: Ask = (peer, authority, from, limit) => this.#watch(peer).call(() => peer.page(authority, from, limit));
      this.#round = catchUpFromPeers({ ...this.#options, onProblem, ask }).finally(() => {
        reported = seen;
        if (this.#running) this.#timer = setTimeout(tick, this.#options.intervalMs ?? 1000);
      });
    };
    tick();
  }

  /** Whether a peer is lost: its last call found it unavailable, and none begun since has answered. */
  lost(peer: PeerClient): boolean {
    return this.#watches.get(peer)?.lost ?? false;
  }

  #watch(peer: PeerClient): TransportWatch {
    let watch = this.#watches.get(peer);
    if (!watch) {
      watch = new TransportWatch({
        lost: (reason) => this.#options.onProblem?.({ code: 'PEER_UNAVAILABLE', message: `${reason}; retrying quietly until it answers` }),
        back: () => this.#options.onProblem?.({ code: 'PEER_RESTORED', message: `${peer.url} answers again`, level: 'info' }),
      }, unavailable);
      this.#watches.set(peer, watch);
    }
    return watch;
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#round.catch(() => {});
  }
}
