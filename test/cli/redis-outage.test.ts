import { afterEach, describe, expect, it } from 'vitest';
import { networkId, openRedisLog } from '../../subgraphs/ledger/index.js';
import { GRANT, grantInput } from '../node/cluster.js';
import { budget } from '../support/budget.js';
import { eventually, until } from '../support/eventually.js';
import { gql } from '../support/graphql-client.js';
import { adminToken, headsAt, startNodeProcess, writeNetwork, type NodeProcess } from '../support/node-network.js';
import { redisServerAvailable, startRedisServer, type RedisServer } from '../support/redis-server.js';
import { tcpRelay, type TcpRelay } from '../support/tcp-relay.js';
import { tempDir } from '../support/temp-dir.js';

const withRedis = await redisServerAvailable();

describe.skipIf(!withRedis)('cli: a running node whose Redis goes away for a while, then comes back on the same port', () => {
  const started: { node?: NodeProcess; redis: RedisServer[]; relay?: TcpRelay } = { redis: [] };
  afterEach(async () => {
    await started.node?.stop('SIGKILL');
    for (const redis of started.redis.splice(0)) await redis.stop();
    await started.relay?.close();
    delete started.node;
    delete started.relay;
  });

  for (const route of ['straight to it', 'through a TCP relay (a load balancer, a port mapping: every reconnect is accepted, then closed)'] as const) {
    it(`${route}: one TRANSPORT_ERROR naming the log and why, nothing while retries fail, one TRANSPORT_RESTORED once it is back; what was written meanwhile reaches it`, async () => {
      const dir = tempDir();
      const net = writeNetwork(dir, ['MX', 'CR']);
      const redis = await startRedisServer();
      started.redis.push(redis);
      const relay = route === 'straight to it' ? undefined : await tcpRelay(redis.port);
      started.relay = relay;
      const url = relay ? `redis://127.0.0.1:${relay.port}` : redis.url;
      const node = await startNodeProcess(net, dir, 'MX', ['--redis', url]);
      started.node = node;
      const lines = (code: string) => node.output.filter((line) => line.startsWith(`replication: ${code}:`));
      const admin = await adminToken(net.keys, 'MX');
      expect((await gql(node.url, GRANT, { input: grantInput('MX', 1) }, admin)).errors).toBeUndefined();

      await redis.stop();
      await eventually(() => lines('TRANSPORT_ERROR').length > 0, budget(20_000), () => node.output.join('\n'));
      // The node serves meanwhile; what it writes waits for the log.
      expect((await gql(node.url, GRANT, { input: grantInput('MX', 2) }, admin)).errors).toBeUndefined();
      // Through the relay every reconnect fails the pending read: let several of them fail.
      if (relay) await eventually(() => relay.refused() >= 5, budget(30_000), () => `${relay.refused()} reconnects`);
      expect(lines('TRANSPORT_ERROR')).toEqual([expect.stringMatching(new RegExp(`^replication: TRANSPORT_ERROR: ${url.replaceAll('.', '\\.')}: lost \\(.+\\); retrying quietly until it answers$`))]);
      expect(lines('TRANSPORT_RESTORED')).toEqual([]);

      const again = await startRedisServer({ port: redis.port });
      started.redis.push(again);
      await eventually(() => lines('TRANSPORT_RESTORED').length > 0, budget(30_000), () => node.output.join('\n'));
      expect(lines('TRANSPORT_RESTORED')).toEqual([`replication: TRANSPORT_RESTORED: ${url}: answers again`]);
      // The restarted Redis is empty: the node publishes its chain on it again, the entry written meanwhile included.
      const height = (await headsAt(node.url, ['MX']))?.MX?.sequence ?? 0;
      expect(height).toBeGreaterThanOrEqual(2);
      const log = await openRedisLog({ url: again.url, prefix: `mra:${networkId(net.genesis).slice(0, 16)}` });
      try {
        await until(async () => (await log.top('MX')) === height, budget(30_000), 'MX\'s chain back on its Redis');
      } finally {
        await log.close();
      }
      expect(lines('TRANSPORT_ERROR')).toHaveLength(1);
      expect(lines('TRANSPORT_RESTORED')).toHaveLength(1);
    }, budget(120_000));
  }
});
