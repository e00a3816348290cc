import { autoCheckpoint, openRedisLog, Replicator, type Replica, type RedisLog } from '../../subgraphs/ledger/index.js';
import { grant, type TestNetwork } from '../support/network.js';
import { uniquePrefix } from '../support/redis.js';

/** Where each authority's chain is published: one URL for all (a hub), or one per authority. */
export type LogPlan = { readonly kind: 'shared'; readonly url: string } | { readonly kind: 'per-authority'; readonly urls: Readonly<Record<string, string>> };

/**
 * Three authorities each write `perWriter` entries at a steady pace (one entry somewhere every
 * `gapMs`, round robin, below saturation so the figure is lag, not backlog); every other replica
 * records the time from submit to verified-and-applied. Same replicas, same code, same pace for
 * every plan: only the transport topology differs.
 */
export async function measureLag(net: TestNetwork, plan: LogPlan, perWriter: number, gapMs = 2): Promise<{ lags: number[]; expected: number; rate: number }> {
  const countries = net.genesis.authorities.map((a) => a.country);
  const prefix = uniquePrefix('bench-lag');
  const replicas = Object.fromEntries(countries.map((c) => [c, net.replica(c)])) as Record<string, Replica>;
  const sent = new Map<string, number>();
  const lags: number[] = [];
  for (const replica of Object.values(replicas)) {
    replica.subscribe((event) => {
      if (event.kind !== 'applied' || event.local) return;
      const start = sent.get(`${event.entry.authority}#${event.entry.sequence}`);
      if (start !== undefined) lags.push(performance.now() - start);
    });
  }
  const logs: RedisLog[] = [];
  const replicators: Replicator[] = [];
  for (const c of countries) {
    // Shared: one connection per node carrying every chain. Per authority: one per chain, each on its owner's Redis.
    const carried = plan.kind === 'shared' ? [{ url: plan.url, chains: undefined }] : countries.map((a) => ({ url: plan.urls[a] as string, chains: [a] }));
    for (const { url, chains } of carried) {
      const log = await openRedisLog({ url, prefix });
      logs.push(log);
      replicators.push(new Replicator({ replica: replicas[c] as Replica, log, name: c, blockMs: 1000, ...(chains ? { chains } : {}) }));
    }
  }
  const checkpoints = Object.values(replicas).map((r) => autoCheckpoint(r));
  for (const r of replicators) await r.start();
  const start = performance.now();
  for (let i = 1; i <= perWriter; i++) {
    for (const c of countries) {
      sent.set(`${c}#${i}`, performance.now());
      replicas[c]?.submit(grant(c, i));
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
  }
  const rate = (perWriter * countries.length) / ((performance.now() - start) / 1000);
  const expected = perWriter * countries.length * (countries.length - 1);
  const deadline = Date.now() + 30_000;
  while (lags.length < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  checkpoints.forEach((c) => c.stop());
  for (const r of replicators) await r.stop();
  await logs[0]?.forgetEverything();
  for (const log of logs) {
    await log.forgetEverything();
    await log.close();
  }
  return { lags, expected, rate };
}
