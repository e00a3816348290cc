import type { Replica } from '../../ledger/index.js';
import { PeerError, type PeerClient } from './peer-client.js';
import { catchUpFromPeers } from './peer-follower.js';

/** What a recovery from peers established. */
export interface RecoveryReport {
  /** Entries held per chain afterwards. */
  readonly heights: Readonly<Record<string, number>>;
  /** The highest checkpoint of our own chain any peer held: we sign nothing below it. */
  readonly ownFloor: number;
  /** True when our own chain is back at least up to that checkpoint (and matches it). */
  readonly complete: boolean;
  readonly problems: number;
}

/**
 * Rebuilds a lost replica from partners' nodes: first every peer's checkpoints (so the replica
 * knows how far each chain, its own included, must get), then every chain page by page, each
 * entry verified from the genesis on. Our own chain comes back signed by our own key and checked
 * against our own checkpoints; until it reaches the highest one seen the replica refuses to sign.
 */
export async function recoverFromPeers(
  replica: Replica,
  peers: readonly PeerClient[],
  onProblem?: (problem: { readonly code: string; readonly message: string }) => void,
): Promise<RecoveryReport> {
  let problems = 0;
  const report = (code: string, message: string) => {
    problems += 1;
    onProblem?.({ code, message });
  };
  let answered = 0;
  for (const peer of peers) {
    try {
      const checkpoints = await peer.checkpoints();
      answered += 1;
      for (const checkpoint of checkpoints) {
        try {
          replica.acceptCheckpoint(checkpoint);
        } catch (error) {
          report((error as { code?: string }).code ?? 'BAD_CHECKPOINT', `${peer.url}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } catch (error) {
      report((error as { code?: string }).code ?? 'PEER_UNAVAILABLE', error instanceof Error ? error.message : String(error));
    }
  }
  // With no peer heard, nothing says how far our own chain went: signing from scratch could fork it.
  if (answered === 0) throw new PeerError('PEER_UNAVAILABLE', `no peer answered (${peers.map((p) => p.url).join(', ')}); nothing was recovered`);
  const caughtUp = await catchUpFromPeers({ replica, peers, ...(onProblem ? { onProblem } : {}) });
  const own = replica.authority;
  const ownFloor = replica.signingFloor();
  return {
    heights: Object.fromEntries(Object.keys(replica.state.authorities).map((a) => [a, replica.height(a)])),
    ownFloor,
    complete: own !== null && replica.height(own) >= ownFloor,
    problems: problems + caughtUp.problems,
  };
}
