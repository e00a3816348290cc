import { afterAll, describe, expect, it } from 'vitest';
import { GRANT, grantInput } from '../node/cluster.js';
import { budget } from '../support/budget.js';
import { until } from '../support/eventually.js';
import { gql } from '../support/graphql-client.js';
import { adminToken, headsAt, startNodeProcess, writeNetwork, type NodeProcess } from '../support/node-network.js';
import { NetnsLab, netnsPermitted, type Link } from '../support/netns.js';
import { redisServerAvailable, startRedisServer, type RedisServer } from '../support/redis-server.js';
import { tempDir } from '../support/temp-dir.js';

const COUNTRIES = ['MX', 'CR', 'PE'] as const;
type Country = (typeof COUNTRIES)[number];
const PORT = 4100; // every node has a namespace, so every node can use the same port
const permitted = netnsPermitted();
const redisInstalled = await redisServerAvailable();
if (!permitted.ok) console.warn(`skipping the network-namespace spec: ${permitted.reason}`);

describe.skipIf(!permitted.ok || !redisInstalled)('ledger: real hosts — nodes in their own network namespaces, partitioned and healed (Jepsen style)', () => {
  const lab = new NetnsLab();
  const processes: (NodeProcess | RedisServer)[] = [];
  afterAll(async () => {
    for (const p of processes.reverse()) await p.stop();
    lab.destroy();
  });

  it('both sides of a partition keep acknowledging writes; the isolated node crashes and restarts; after healing every replica converges and every acknowledged entry survives', async () => {
    const ns = Object.fromEntries(COUNTRIES.map((c) => [c, lab.namespace(c.toLowerCase())])) as Record<Country, string>;
    const pair = (a: Country, b: Country) => lab.link(ns[a], ns[b]);
    const links: Record<string, Link> = { 'MX-CR': pair('MX', 'CR'), 'MX-PE': pair('MX', 'PE'), 'CR-PE': pair('CR', 'PE') };
    const observer = Object.fromEntries(COUNTRIES.map((c) => [c, lab.link(null, ns[c]).b.ip])) as Record<Country, string>;
    /** The address of `to` as `from` reaches it: its end of their link. */
    const addressOf = (to: Country, from: Country) => {
      const link = links[`${from}-${to}`] ?? links[`${to}-${from}`] as Link;
      return link.a.ns === ns[to] ? link.a.ip : link.b.ip;
    };
    const dir = tempDir();
    const net = writeNetwork(dir, COUNTRIES);
    for (const c of COUNTRIES) processes.push(await startRedisServer({ netns: ns[c], bind: '0.0.0.0', port: 6379 }));
    const startNode = async (c: Country) => {
      const partners = COUNTRIES.filter((p) => p !== c);
      const flags = [
        '--redis', `${c}=redis://127.0.0.1:6379`,
        ...partners.flatMap((p) => ['--redis', `${p}=redis://${addressOf(p, c)}:6379`, '--peer', `${p}=http://${addressOf(p, c)}:${PORT}/graphql`]),
        '--peer-interval', '300',
      ];
      const node = await startNodeProcess(net, dir, c, flags, { port: PORT, host: '0.0.0.0', prefix: ['ip', 'netns', 'exec', ns[c]] });
      processes.push(node);
      return node;
    };
    const nodes = {} as Record<Country, NodeProcess>;
    for (const c of COUNTRIES) nodes[c] = await startNode(c);
    const url = (c: Country) => `http://${observer[c]}:${PORT}/graphql`;
    const tokens = Object.fromEntries(await Promise.all(COUNTRIES.map(async (c) => [c, await adminToken(net.keys, c)] as const)));
    const acknowledged: string[] = [];
    const grant = async (c: Country, n: number) => {
      const response = await gql<{ grantAeo: { aeoId: string } }>(url(c), GRANT, { input: grantInput(c, n) }, tokens[c]);
      expect(response.errors).toBeUndefined();
      acknowledged.push(response.data?.grantAeo.aeoId as string);
    };
    const heightsAt = async (at: Country) => {
      const heads = await headsAt(url(at), COUNTRIES);
      return heads ? COUNTRIES.map((c) => heads[c]?.sequence ?? -1).join(',') : 'unreachable';
    };
    const converged = (want: string, at: readonly Country[] = COUNTRIES) => async () => (await Promise.all(at.map(heightsAt))).every((h) => h === want);

    for (const c of COUNTRIES) await grant(c, 1);
    await until(converged('1,1,1'), budget(30_000), 'convergence before the partition');

    lab.cut(links['MX-PE'] as Link); // PE is cut off from MX and CR; the test still reaches everyone
    lab.cut(links['CR-PE'] as Link);
    await grant('MX', 2);
    await grant('MX', 3);
    await grant('CR', 2);
    await grant('PE', 2);
    await grant('PE', 3);
    await until(converged('3,2,1', ['MX', 'CR']), budget(30_000), 'the majority side converging during the partition');
    expect(await heightsAt('PE')).toBe('1,1,3'); // PE saw nothing from the other side
    await nodes.PE.stop('SIGKILL'); // and crashes, isolated, right after acknowledging PE#3
    nodes.PE = await startNode('PE');
    expect(await heightsAt('PE')).toBe('1,1,3');

    lab.heal(links['MX-PE'] as Link);
    lab.heal(links['CR-PE'] as Link);
    await until(converged('3,2,3'), budget(60_000), 'every replica converging after the partition healed');
    const heads = await Promise.all(COUNTRIES.map((c) => headsAt(url(c), COUNTRIES)));
    for (const h of heads) expect(h).toEqual(heads[0]);
    for (const c of COUNTRIES) {
      for (const aeoId of acknowledged) {
        const found = await gql<{ operator: { status: string } | null }>(url(c), `{ operator(aeoId: "${aeoId}") { status } }`);
        expect(found.data?.operator?.status, `${aeoId} at ${c}`).toBe('ACTIVE');
      }
    }
  }, budget(180_000));
});
