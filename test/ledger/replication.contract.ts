import { afterEach, describe, expect, it } from 'vitest';
import {
  canonicalJson, FileStore, sealEntry, bodyOf, Replicator, type ChainLog, type Replica, type SigningKey,
} from '../../subgraphs/ledger/index.js';
import { eventually } from '../support/eventually.js';
import { grant, testNetwork, type TestNetwork } from '../support/network.js';
import { tempDir } from '../support/temp-dir.js';

/** What the contract needs from a transport under test. */
export interface TransportUnderTest {
  connect(): Promise<ChainLog>;
  /** Makes the transport lose every entry it held (Redis flushed or restarted empty). */
  loseEverything(): Promise<void>;
  /** Removes what the test left on the transport. */
  dispose(): Promise<void>;
}

const COUNTRIES = ['MX', 'CR', 'PE'] as const;

interface Node {
  replica: Replica;
  replicator: Replicator;
  log: ChainLog;
}

async function startNode(net: TestNetwork, country: string, dir: string, transport: TransportUnderTest): Promise<Node> {
  const replica = net.replica(country, new FileStore(dir));
  const log = await transport.connect();
  const replicator = new Replicator({ replica, log, name: country, antiEntropyMs: 200, blockMs: 100 });
  await replicator.start();
  return { replica, replicator, log };
}

async function killNode(node: Node): Promise<void> {
  node.replicator.abort(); // queued publishes are dropped, as in a crash
  await node.log.close();
  node.replica.close();
}

function converged(nodes: readonly Node[], heights: Readonly<Record<string, number>>): boolean {
  return nodes.every((n) => COUNTRIES.every((c) => n.replica.height(c) === heights[c]));
}

function expectIdentical(nodes: readonly Node[]): void {
  const [first, ...rest] = nodes.map((n) => canonicalJson(n.replica.state));
  rest.forEach((state) => expect(state).toBe(first));
  for (const c of COUNTRIES) {
    const roots = new Set(nodes.map((n) => n.replica.chain(c).root()));
    expect(roots.size).toBe(1);
  }
}

async function write(node: () => Node, country: string, from: number, to: number): Promise<void> {
  for (let i = from; i <= to; i++) {
    node().replica.submit(grant(country, i));
    if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The replication contract every transport must satisfy. */
export function replicationContract(name: string, make: () => Promise<TransportUnderTest>, perNode = 1000): void {
  describe(`ledger: replication over ${name}`, () => {
    const transports: TransportUnderTest[] = [];
    const makeTransport = async () => {
      const transport = await make();
      transports.push(transport);
      return transport;
    };
    afterEach(async () => {
      for (const transport of transports.splice(0)) await transport.dispose();
    });

    it(`three replicas converge after each writes ${perNode} entries; killing and restarting one mid-stream loses nothing`, async () => {
      const transport = await makeTransport();
      const net = testNetwork(COUNTRIES);
      const dirs = Object.fromEntries(COUNTRIES.map((c) => [c, tempDir()]));
      const nodes: Record<string, Node> = {};
      for (const c of COUNTRIES) nodes[c] = await startNode(net, c, dirs[c] as string, transport);
      const node = (c: string) => () => nodes[c] as Node;
      const half = Math.floor(perNode / 2);
      const crFirstHalf = write(node('CR'), 'CR', 1, half);
      await Promise.all([write(node('MX'), 'MX', 1, perNode), write(node('PE'), 'PE', 1, perNode), crFirstHalf]);
      await killNode(nodes.CR as Node);
      nodes.CR = await startNode(net, 'CR', dirs.CR as string, transport);
      expect(nodes.CR.replica.height('CR')).toBe(half); // every acknowledged entry survived
      await write(node('CR'), 'CR', half + 1, perNode);
      const all = () => Object.values(nodes);
      const heights = { MX: perNode, CR: perNode, PE: perNode };
      await eventually(() => converged(all(), heights), 30_000, () => JSON.stringify(all().map((n) => COUNTRIES.map((c) => n.replica.height(c)))));
      expectIdentical(all());
      for (const n of all()) expect(n.replicator.stats.rejected).toEqual({});

      // The transport loses everything while PE is down and MX, CR keep writing.
      await killNode(nodes.PE as Node);
      await write(node('MX'), 'MX', perNode + 1, perNode + 20);
      await transport.loseEverything();
      await write(node('CR'), 'CR', perNode + 1, perNode + 20);
      nodes.PE = await startNode(net, 'PE', dirs.PE as string, transport);
      await write(node('PE'), 'PE', perNode + 1, perNode + 20);
      const after = { MX: perNode + 20, CR: perNode + 20, PE: perNode + 20 };
      await eventually(() => converged(all(), after), 30_000, () => JSON.stringify(all().map((n) => COUNTRIES.map((c) => n.replica.height(c)))));
      expectIdentical(all());
      for (const n of all()) await n.replicator.stop();
      for (const n of all()) await killNode(n);
    });

    it('a forged entry on the transport is refused by every replica and counted', async () => {
      const transport = await makeTransport();
      const net = testNetwork(COUNTRIES);
      const nodes = await Promise.all(COUNTRIES.map((c) => startNode(net, c, tempDir(), transport)));
      const [mx, cr, pe] = nodes as [Node, Node, Node];
      const genuine = mx.replica.submit(grant('MX', 1));
      await eventually(() => cr.replica.height('MX') === 1 && pe.replica.height('MX') === 1, 10_000);
      // PE's key signs an entry claiming to be MX#2, pushed straight onto the transport.
      const peKey = net.keys.PE as SigningKey;
      const forged = sealEntry({ ...bodyOf(genuine), sequence: 2, previousHash: genuine.hash, keyId: peKey.keyId }, peKey);
      const attacker = await transport.connect();
      expect((await attacker.publish(forged)).kind).toBe('added');
      await eventually(() => [cr, pe].every((n) => (n.replicator.stats.rejected.KEY_MISMATCH ?? 0) >= 1), 10_000);
      expect([cr, pe].map((n) => n.replica.height('MX'))).toEqual([1, 1]);
      // MX's genuine #2 meets the planted one: MX rebuilds its log, and every replica gets the truth.
      const second = mx.replica.submit(grant('MX', 2));
      await eventually(() => [cr, pe].every((n) => n.replica.chain('MX').at(2)?.hash === second.hash), 10_000);
      expect(mx.replicator.stats.repaired).toBe(1);
      await attacker.close();
      for (const n of nodes) await killNode(n);
    });
  });
}
