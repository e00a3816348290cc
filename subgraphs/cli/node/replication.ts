import { openRedisLog, Replicator, type ChainLog, type Replica, type ReplicationNotice } from '../../ledger/index.js';
import { PeerFollower, type PeerClient } from '../../node/index.js';
import { shownUrl, type Topology } from './topology.js';

/** The replicators and peer followers of one node; `close` stops them all. */
export interface Replication {
  readonly describe: string;
  close(): Promise<void>;
}

const OWN_LOG_WAIT_MS = 5000;

type Report = (notice: ReplicationNotice) => void;

/**
 * Joins every log the topology names, each carrying its chains, and polls every peer node. A log
 * that cannot be reached is joined in the background as soon as it answers: a partner's Redis
 * being down delays only that partner's entries, never the node's start or the other chains.
 */
export async function startReplication(options: {
  replica: Replica; country: string; prefix: string; topology: Topology; peers: readonly PeerClient[]; peerIntervalMs: number; onProblem: Report;
}): Promise<Replication> {
  const { replica, country, prefix, topology, onProblem } = options;
  const plans: { url: string; chains: string[] | undefined }[] = [...topology.logs].map(([cc, url]) => ({ url, chains: [cc] }));
  if (topology.shared) {
    // The shared log carries whatever has no log of its own (every chain when none has).
    const own = [...topology.logs.keys()];
    const rest = Object.keys(replica.state.authorities).filter((a) => !own.includes(a));
    plans.push({ url: topology.shared, chains: own.length === 0 ? undefined : rest });
  }
  const running: { replicator: Replicator; log: ChainLog }[] = [];
  const closing = new AbortController();
  const joining = plans.map(async (plan) => {
    const shown = shownUrl(plan.url);
    // A Redis that does not answer is said once (the node serves meanwhile, catching up over --peer), and once more when it does.
    let unanswered = false;
    const warning = setTimeout(() => {
      unanswered = true;
      onProblem({ code: 'REDIS_UNREACHABLE', message: `${shown} does not answer; serving meanwhile, joining this log as soon as it answers` });
    }, OWN_LOG_WAIT_MS).unref();
    const log = await openRedisLog({ url: plan.url, prefix, signal: closing.signal }).finally(() => clearTimeout(warning));
    if (closing.signal.aborted) return log.close();
    if (unanswered) onProblem({ code: 'REDIS_JOINED', message: `${shown} answers; joined`, level: 'info' });
    // Each log's notices name it: with one log per authority, which Redis was lost matters.
    const replicator = new Replicator({
      replica, log, name: country, ...(plan.chains ? { chains: plan.chains } : {}), onProblem: (notice) => onProblem({ ...notice, message: `${shown}: ${notice.message}` }),
    });
    running.push({ replicator, log });
    await replicator.start();
  });
  joining.forEach((join, i) => join.catch((error: unknown) => {
    if (!closing.signal.aborted) onProblem({ code: 'TRANSPORT_ERROR', message: `${shownUrl(plans[i]?.url ?? '')}: ${String(error)}` });
  }));
  // Before serving, give our own log a moment: its checkpoint tells a node that lost its files
  // how far its own chain went, so it cannot sign over it. A log that is down is joined later.
  const own = plans.findIndex((p) => !p.chains || p.chains.includes(country));
  if (own >= 0) await Promise.race([joining[own]?.catch(() => {}), new Promise((resolve) => setTimeout(resolve, OWN_LOG_WAIT_MS).unref())]);
  const follower = options.peers.length > 0 ? new PeerFollower({ replica, peers: options.peers, intervalMs: options.peerIntervalMs, onProblem }) : null;
  follower?.start();
  const logs = plans.map((p) => `${p.chains ? p.chains.join('+') || '(none)' : 'all chains'} over ${shownUrl(p.url)}`);
  const describe = [...logs, ...options.peers.map((p) => `catch-up from ${shownUrl(p.url)}`)].join('; ') || 'no replication (pass --redis and --peer to join partners)';
  return {
    describe,
    close: async () => {
      closing.abort();
      await follower?.stop();
      for (const { replicator } of running) await replicator.stop();
      for (const { log } of running) await log.close();
    },
  };
}
