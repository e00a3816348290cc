import type { Replica } from '../../ledger/index.js';
import type { PeerClient } from './peer-client.js';

export interface PeerFollowerOptions {
  readonly replica: Replica;
  readonly peers: readonly PeerClient[];
  /** Pause between polls of every peer (ms). */
  readonly intervalMs?: number;
  /** Entries per page. */
  readonly pageSize?: number;
  readonly onProblem?: (problem: { readonly code: string; readonly message: string }) => void;
}

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
export async function catchUpFromPeers(options: PeerFollowerOptions): Promise<CatchUpResult> {
  const { replica, peers, pageSize = 500 } = options;
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
            const page = await peer.page(authority, replica.height(authority) + 1, pageSize);
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

/** Polls partners' nodes every `intervalMs`: liveness that needs no log at all. */
export class PeerFollower {
  readonly #options: PeerFollowerOptions;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #round: Promise<unknown> = Promise.resolve();

  constructor(options: PeerFollowerOptions) {
    this.#options = options;
  }

  start(): void {
    this.#running = true;
    // A peer that stays down is reported once, not every round; again once it has recovered.
    let reported = new Set<string>();
    const tick = () => {
      const seen = new Set<string>();
      const onProblem = (p: { readonly code: string; readonly message: string }) => {
        const key = `${p.code} ${p.message}`;
        seen.add(key);
        if (!reported.has(key)) this.#options.onProblem?.(p);
      };
      this.#round = catchUpFromPeers({ ...this.#options, onProblem }).finally(() => {
        reported = seen;
        if (this.#running) this.#timer = setTimeout(tick, this.#options.intervalMs ?? 1000);
      });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#round.catch(() => {});
  }
}
