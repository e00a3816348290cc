import { CountryNode, mintToken, type RunningServer, type ServeOptions } from '../../subgraphs/node/index.js';
import { InProcessBus, Replicator, type CallerRole, type Replica, type SigningKey } from '../../subgraphs/ledger/index.js';
import { eventually } from '../support/eventually.js';
import { gql } from '../support/graphql-client.js';
import { testNetwork, type TestNetwork } from '../support/network.js';

export type Serve = (node: CountryNode, options: ServeOptions) => Promise<RunningServer>;

/** What MX's callers may see of CR's operators under the cadena MRA (and vice versa). */
export const CADENA_TERMS = [
  { partner: '*', role: 'OFFICER', fields: ['legalName', 'tradeName', 'roles', 'validFrom', 'validUntil', 'history', 'recognizedBy', 'proof'] },
  { partner: '*', role: 'ANALYST', fields: ['legalName', 'riskScore', 'privateDataVerified'] },
];

export const GRANT = /* GraphQL */ `
  mutation Grant($input: GrantAeoInput!) { grantAeo(input: $input) { aeoId status privateDataVerified } }`;

export function grantInput(country: string, n: number, roles = ['IMPORTER_EXPORTER']) {
  return {
    aeoId: `${country}-AEO-${String(n).padStart(6, '0')}`, legalName: `Exportadora ${n} S.A.`, tradeName: `Expo ${n}`, roles,
    validFrom: '2026-01-01', validUntil: '2026-12-31', address: { street: `Calle ${n}`, city: 'San José', country },
    private: { taxId: `3-101-${String(n).padStart(6, '0')}`, contact: { name: 'Ana Mora', email: 'ana@example.cr', phone: '+506 2222 0000' }, riskScore: 12, auditNotes: 'clean audit 2025' },
  };
}

export interface Cluster {
  readonly net: TestNetwork;
  readonly nodes: Readonly<Record<'MX' | 'CR' | 'PE', CountryNode>>;
  readonly servers: Readonly<Record<'MX' | 'CR', RunningServer>>;
  token(country: string, role: CallerRole): Promise<string>;
  /** Waits until every replica holds every chain up to the same height. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * MX, CR and PE nodes on one in-process bus; MX and CR served by `serve`. Seeded through the
 * real mutations: MX proposes the cadena MRA, CR approves, CR grants two AEOs, MX one.
 */
export async function startCluster(serve: Serve): Promise<Cluster> {
  const net = testNetwork(['MX', 'CR', 'PE']);
  const bus = new InProcessBus();
  const replicas: Record<string, Replica> = {};
  const replicators: Replicator[] = [];
  const nodes = {} as Record<'MX' | 'CR' | 'PE', CountryNode>;
  for (const country of ['MX', 'CR', 'PE'] as const) {
    const replica = net.replica(country);
    replicas[country] = replica;
    const replicator = new Replicator({ replica, log: bus.connect(), name: country, blockMs: 50, antiEntropyMs: 500 });
    await replicator.start();
    replicators.push(replicator);
    nodes[country] = new CountryNode({ country, replica, now: () => new Date() });
  }
  const servers = { MX: await serve(nodes.MX, { port: 0 }), CR: await serve(nodes.CR, { port: 0 }) };
  const token = (country: string, role: CallerRole) => mintToken(net.keys[country] as SigningKey, { country, role, subject: `${role}@${country}` }, new Date());
  const settle = () =>
    eventually(() => {
      const heights = Object.values(replicas).map((r) => ['MX', 'CR', 'PE'].map((c) => r.height(c)).join(','));
      return new Set(heights).size === 1;
    }, 5000);
  const admin = { MX: await token('MX', 'admin'), CR: await token('CR', 'admin') };
  const ok = async (response: Promise<{ errors?: readonly unknown[] }>) => {
    const result = await response;
    if (result.errors) throw new Error(`seeding failed: ${JSON.stringify(result.errors)}`);
  };
  await ok(gql(servers.MX.url, `mutation($i: ProposeMraInput!) { proposeMra(input: $i) { status } }`, {
    i: { mraId: 'cadena', name: 'CADENA MX-CR', parties: ['MX', 'CR'], terms: CADENA_TERMS },
  }, admin.MX));
  await settle();
  await ok(gql(servers.CR.url, `mutation { approveMra(mraId: "cadena") { status } }`, {}, admin.CR));
  await ok(gql(servers.CR.url, GRANT, { input: grantInput('CR', 42) }, admin.CR));
  await ok(gql(servers.CR.url, GRANT, { input: grantInput('CR', 43, ['CARRIER']) }, admin.CR));
  await ok(gql(servers.MX.url, GRANT, { input: grantInput('MX', 1) }, admin.MX));
  await settle();
  return {
    net, nodes, servers, token, settle,
    close: async () => {
      for (const server of Object.values(servers)) await server.close();
      for (const replicator of replicators) await replicator.stop();
      for (const node of Object.values(nodes)) node.close();
    },
  };
}
