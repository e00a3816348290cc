import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessBus, Replicator, sealEntry, type SigningKey } from '../../subgraphs/ledger/index.js';
import { CountryNode, mintToken, peerFetch, serveWithApollo, serveWithMercurius, type RunningServer, type ServeOptions } from '../../subgraphs/node/index.js';
import { eventually } from '../support/eventually.js';
import { gql } from '../support/graphql-client.js';
import { testNetwork } from '../support/network.js';

const SAMPLE = readFileSync(join(import.meta.dirname, '../../subgraphs/certificates/samples/CR-PC-2026-000123.xml'), 'utf8');
const numbered = (n: number) => `CR-PC-2026-${String(n).padStart(6, '0')}`;
const documentFor = (n: number, issuedAt: string) =>
  SAMPLE.replaceAll('CR-PC-2026-000123', numbered(n)).replaceAll('2026-03-02T14:30:00-06:00', issuedAt);
type Country = 'MX' | 'CR' | 'PE';

for (const [stack, serve] of [['Apollo Server', serveWithApollo], ['mercurius', serveWithMercurius]] as const) {
  describe(`node: certificates over ${stack} (in-process replication)`, () => {
    const net = testNetwork(['MX', 'CR', 'PE']);
    const bus = new InProcessBus();
    const peers: Record<string, string> = {};
    const replicators: Replicator[] = [];
    const nodes = {} as Record<Country, CountryNode>;
    const servers = {} as Record<Country, RunningServer>;
    const token = (country: Country) => mintToken(net.keys[country] as SigningKey, { country, role: 'officer', subject: `officer@${country}` }, new Date());
    let officer: Record<Country, string>;
    const at = (node: Country, query: string, as: Country | null, variables: Record<string, unknown> = {}) => gql(servers[node].url, query, variables, as ? officer[as] : undefined);

    beforeAll(async () => {
      for (const country of ['MX', 'CR', 'PE'] as const) {
        const replica = net.replica(country);
        const replicator = new Replicator({ replica, log: bus.connect(), name: country, blockMs: 20, antiEntropyMs: 500 });
        await replicator.start();
        replicators.push(replicator);
        const fetch = peerFetch({ country, key: net.keys[country] as SigningKey, peers, now: () => new Date() });
        nodes[country] = new CountryNode({ country, replica, now: () => new Date(), certificates: { fetch } });
        servers[country] = await serve(nodes[country], { port: 0 } satisfies ServeOptions);
        peers[country] = servers[country].url;
      }
      officer = { MX: await token('MX'), CR: await token('CR'), PE: await token('PE') };
      // CR issues five certificates to MX over three days; MX receives the first two.
      const days = ['2026-03-01T10:00:00-06:00', '2026-03-01T11:00:00-06:00', '2026-03-02T10:00:00-06:00', '2026-03-03T10:00:00-06:00', '2026-03-03T12:00:00-06:00'];
      for (const [i, day] of days.entries()) {
        const issued = await at('CR', 'mutation($d: String!) { issueCertificate(document: $d) { number } }', 'CR', { d: documentFor(i + 1, day) });
        if (issued.errors) throw new Error(JSON.stringify(issued.errors));
      }
      await eventually(() => nodes.MX.replica.height('CR') === 5 && nodes.PE.replica.height('CR') === 5, 5000);
      for (const n of [1, 2]) await at('MX', 'mutation($n: String!) { receiveCertificate(number: $n) { status } }', 'MX', { n: numbered(n) });
      await eventually(() => nodes.CR.replica.height('MX') === 2, 5000);
    });

    afterAll(async () => {
      for (const server of Object.values(servers)) await server.close();
      for (const replicator of replicators) await replicator.stop();
      for (const node of Object.values(nodes)) node.close();
    });

    it('lists a party\'s certificates as a Relay connection, newest first, filtered by direction, partner, status and date', async () => {
      const page = async (args: string, as: Country = 'MX') =>
        (await at('MX', `{ certificates${args ? `(${args})` : ''} { totalCount pageInfo { hasNextPage endCursor } edges { node { number status } } } }`, as)).data?.certificates as {
          totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { number: string; status: string } }[];
        };
      const first = await page('direction: INBOUND, partner: "CR", first: 2');
      expect(first.totalCount).toBe(5);
      expect(first.edges.map((e) => e.node.number)).toEqual([numbered(5), numbered(4)]);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const rest = await page(`direction: INBOUND, first: 10, after: "${first.pageInfo.endCursor}"`);
      expect(rest.edges.map((e) => e.node.number)).toEqual([numbered(3), numbered(2), numbered(1)]);
      expect((await page('status: RECEIVED')).edges.map((e) => e.node.number)).toEqual([numbered(2), numbered(1)]);
      // Dates filter on when the issue entry was signed (the ledger's time, visible to both parties).
      const third = (await at('MX', `{ certificate(number: "${numbered(3)}") { issuedAt } }`, 'MX')).data?.certificate as { issuedAt: string };
      const fourth = (await at('MX', `{ certificate(number: "${numbered(4)}") { issuedAt } }`, 'MX')).data?.certificate as { issuedAt: string };
      expect((await page(`issuedFrom: "${third.issuedAt}", issuedTo: "${fourth.issuedAt}"`)).edges.map((e) => e.node.number)).toEqual([numbered(3)]);
      expect((await page(`issuedFrom: "${third.issuedAt}"`)).totalCount).toBe(3);
      expect((await page('direction: OUTBOUND')).totalCount).toBe(0);
      expect((await page('partner: "PE"')).totalCount).toBe(0);
      expect((await page('')).totalCount).toBe(5);
      expect((await page('', 'PE')).totalCount).toBe(0);
    });

    it('issuedFrom and issuedTo compare instants: offsets honoured, a date alone is that whole UTC day, anything else BAD_USER_INPUT naming the argument', async () => {
      const certificates = async (args: string) => {
        const response = await at('MX', `{ certificates(${args}) { totalCount } }`, 'MX');
        return response.errors ? response.errors[0]?.extensions?.code === 'BAD_USER_INPUT' && response.errors[0].message : (response.data?.certificates as { totalCount: number }).totalCount;
      };
      const listed = (await at('MX', '{ certificates { edges { node { issuedAt } } } }', 'MX')).data?.certificates as { edges: { node: { issuedAt: string } }[] };
      const issued = listed.edges.map((e) => Date.parse(e.node.issuedAt)).sort((a, b) => a - b);
      const fourth = issued[3] as number;
      const fourthAt = new Date(fourth);
      // The fourth certificate's instant written in Mexico City's offset (6 hours behind UTC).
      const inMexico = `${new Date(fourth - 6 * 3600_000).toISOString().slice(0, 23)}-06:00`;
      expect(await certificates(`issuedFrom: "${inMexico}"`)).toBe(issued.filter((t) => t >= fourth).length);
      expect(await certificates(`issuedTo: "${inMexico}"`)).toBe(issued.filter((t) => t < fourth).length);
      // A date alone: from its start, to its end (UTC).
      const day = fourthAt.toISOString().slice(0, 10);
      const dayStart = Date.parse(`${day}T00:00:00Z`);
      expect(await certificates(`issuedFrom: "${day}"`)).toBe(issued.filter((t) => t >= dayStart).length);
      expect(await certificates(`issuedTo: "${day}"`)).toBe(issued.filter((t) => t < dayStart + 86_400_000).length);
      expect(await certificates(`issuedFrom: "${day}", issuedTo: "${day}"`)).toBe(issued.filter((t) => t >= dayStart && t < dayStart + 86_400_000).length);
      for (const bad of ['garbage', '2026-02-30', '2026-12-06T25:00:00Z', '2026-12-06 03:20']) {
        expect(await certificates(`issuedFrom: "${bad}"`), bad).toMatch(/^issuedFrom: /);
        expect(await certificates(`issuedTo: "${bad}"`), bad).toMatch(/^issuedTo: /);
      }
    });

    it('serves the document to the exporter and the importer only, from a node that holds it', async () => {
      const read = (node: Country, as: Country, n: number) => at(node, 'query($n: String!) { certificate(number: $n) { status document(format: JSON) documentVerified } }', as, { n: numbered(n) });
      expect((await read('CR', 'MX', 3)).data?.certificate).toMatchObject({ status: 'ISSUED', documentVerified: true });
      expect((await read('MX', 'MX', 1)).data?.certificate).toMatchObject({ status: 'RECEIVED', documentVerified: true });
      // Not yet received: MX's node fetches CR's document for its own officer, and keeps no copy.
      expect((await read('MX', 'MX', 3)).data?.certificate).toMatchObject({ status: 'ISSUED', documentVerified: null });
      expect(JSON.parse(((await read('MX', 'MX', 3)).data?.certificate as { document: string }).document)).toMatchObject({ number: numbered(3) });
      expect(nodes.MX.certificates.store.get(numbered(3))).toBeUndefined();
      // PE's node does not fetch for another authority's caller.
      expect((await read('PE', 'MX', 3)).errors?.[0]?.extensions).toMatchObject({ code: 'CONTENT_ELSEWHERE', owner: 'CR' });
      for (const node of ['MX', 'CR', 'PE'] as const) expect((await read(node, 'PE', 1)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const entities = await at('CR', 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Certificate { number document } } }', 'PE', { r: [{ __typename: 'Certificate', number: numbered(1) }] });
      expect(entities.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('issuing a number again is CERTIFICATE_EXISTS and leaves the issued document as it was', async () => {
      const again = await at('CR', 'mutation($d: String!) { issueCertificate(document: $d) { number } }', 'CR', { d: documentFor(1, '2026-03-01T10:00:00-06:00').replace('>18000<', '>1<') });
      expect(again.errors?.[0]?.extensions?.code).toBe('CERTIFICATE_EXISTS');
      expect((await at('CR', `{ certificate(number: "${numbered(1)}") { documentVerified } }`, 'CR')).data?.certificate).toEqual({ documentVerified: true });
    });

    it('an analyst may read but not record a step; another country\'s officer may not record this node\'s steps', async () => {
      const analyst = await mintToken(net.keys.MX as SigningKey, { country: 'MX', role: 'analyst', subject: 'a' }, new Date());
      const accept = (as: string) => gql(servers.MX.url, `mutation { acceptCertificate(number: "${numbered(1)}") { status } }`, {}, as);
      expect((await accept(analyst)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await accept(officer.CR)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await accept(officer.MX)).data?.acceptCertificate).toEqual({ status: 'ACCEPTED' });
    });

    it('lists newest first by instant: a certificate signed an hour after the others, with a -12:00 offset, comes first', async () => {
      const newest = Math.max(...[...nodes.MX.replica.state.certificates.values()].map((c) => Date.parse(c.issued?.at ?? '')));
      const later = `${new Date(newest + 3600_000 - 12 * 3600_000).toISOString().slice(0, 23)}-12:00`;
      const pe = net.keys.PE as SigningKey;
      const network = nodes.MX.replica.network;
      const entry = sealEntry({
        v: 1, network, authority: 'PE', sequence: 1, type: 'CERT_ISSUED', payload: { number: 'PE-PC-2026-000001', importer: 'MX', digest: 'c'.repeat(64), replaces: null },
        privateDigest: null, previousHash: network, timestamp: later, keyId: pe.keyId,
      }, pe);
      nodes.MX.replica.ingest(entry);
      const listed = (await at('MX', '{ certificates(direction: INBOUND, first: 2) { edges { node { number } } } }', 'MX')).data?.certificates as { edges: { node: { number: string } }[] };
      expect(listed.edges.map((e) => e.node.number)).toEqual(['PE-PC-2026-000001', numbered(5)]);
    });
  });
}
