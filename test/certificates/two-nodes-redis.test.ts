import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import { readSigningKey, writeGenesis, writeKeyPair } from '../../subgraphs/cli/index.js';
import { generateSigningKey, networkId, openRedisLog } from '../../subgraphs/ledger/index.js';
import { mintToken } from '../../subgraphs/node/index.js';
import { codesByPath, gql, subscribe } from '../support/graphql-client.js';
import { eventually, until } from '../support/eventually.js';
import { freePort, startCli, stop } from '../support/node-process.js';
import { REDIS_URL, redisAvailable } from '../support/redis.js';
import { tempDir } from '../support/temp-dir.js';

const available = await redisAvailable();
const SAMPLE = readFileSync(join(import.meta.dirname, '../../subgraphs/certificates/samples/CR-PC-2026-000123.xml'), 'utf8');
const N = 'CR-PC-2026-000123';
type Country = 'MX' | 'CR' | 'PE';

describe.skipIf(!available)('certificates across real nodes: CR issues to MX over Redis; PE is a third authority on the same network', () => {
  const children: Parameters<typeof stop>[0][] = [];
  let cleanup: () => Promise<void> = async () => {};
  afterAll(async () => {
    for (const child of children) await stop(child, 'SIGKILL');
    await cleanup();
  });

  it('walks issue → arrival → receipt → acceptance → consumption, refuses each forbidden step, and no third party reads the document through any node, gateway or the transport', async () => {
    const dir = tempDir();
    const keys = join(dir, 'keys');
    const members = (['MX', 'CR', 'PE'] as const).map((country) => {
      const key = generateSigningKey();
      writeKeyPair(keys, { country, name: `Authority ${country}` }, key);
      return { country, name: `Authority ${country}`, publicKey: key.publicKey };
    });
    const genesisPath = join(dir, 'genesis.json');
    const genesis = writeGenesis(genesisPath, `cert-it-${process.pid}-${Date.now()}`, members, new Date('2026-01-01T00:00:00Z'));
    const prefix = `mra:${networkId(genesis).slice(0, 16)}`;
    cleanup = async () => {
      const admin = await openRedisLog({ url: REDIS_URL, prefix });
      await admin.forgetEverything();
      await admin.close();
    };
    const ports = { MX: await freePort(), CR: await freePort(), PE: await freePort() };
    const url = (c: Country) => `http://127.0.0.1:${ports[c]}/graphql`;
    const start = (country: Country, stack: string) =>
      startCli(['node', '--country', country, '--data', join(dir, country), '--keys', keys, '--genesis', genesisPath, '--port', String(ports[country]),
        '--redis', REDIS_URL, '--server', stack, ...(country === 'CR' ? [] : ['--peer', `CR=${url('CR')}`])], /node \(/);
    for (const [country, stack] of [['CR', 'apollo'], ['MX', 'mercurius'], ['PE', 'apollo']] as const) children.push((await start(country, stack)).child);
    const token = (country: Country, role: 'officer' | 'admin' = 'officer') => mintToken(readSigningKey(keys, country), { country, role, subject: `officer@${country}` }, new Date());
    const officer = { MX: await token('MX'), CR: await token('CR'), PE: await token('PE') };
    const at = (node: Country, query: string, variables: Record<string, unknown>, as: Country | null) => gql(url(node), query, variables, as ? officer[as] : undefined);
    const statusAt = async (node: Country) => ((await at(node, 'query($n: String!) { certificate(number: $n) { status } }', { n: N }, node)).data?.certificate as { status: string } | null)?.status;
    const code = (response: Awaited<ReturnType<typeof gql>>) => response.errors?.[0]?.extensions?.code;

    const tokenFile = (country: Country) => {
      const file = join(dir, `${country}.service.token`);
      return token(country, 'admin').then((t) => (writeFileSync(file, t), file));
    };
    const gatewayPorts = { MX: await freePort(), PE: await freePort() };
    for (const home of ['MX', 'PE'] as const) {
      const nodes = (['MX', 'CR', 'PE'] as const).flatMap((c) => ['--node', `${c}=${url(c)}`]);
      const gateway = await startCli(['gateway', '--home', home, ...nodes, '--service-token-file', await tokenFile(home), '--port', String(gatewayPorts[home])], /^gateway at /);
      children.push(gateway.child);
    }
    // A websocket subscription sent before the gateway's first request has loaded its schema fails
    // with "Expected null to be a GraphQL schema" (a gateway start-up race, reported): ask once first.
    for (const home of ['MX', 'PE'] as const) {
      await until(async () => (await gql(`http://127.0.0.1:${gatewayPorts[home]}/graphql`, '{ __typename }', {}, officer[home])).data?.__typename === 'Query', 10_000, `${home}'s gateway answering`);
    }
    // MX's officer listens, through MX's gateway, for certificates arriving for MX.
    const arrivals = subscribe(`ws://127.0.0.1:${gatewayPorts.MX}/graphql`, 'subscription { certificateArrived { number exporter importer status } }', officer.MX);
    await arrivals.ready;

    const issued = await at('CR', 'mutation($d: String!) { issueCertificate(document: $d) { number exporter importer status digest } }', { d: SAMPLE }, 'CR');
    expect(issued.errors).toBeUndefined();
    expect(issued.data?.issueCertificate).toMatchObject({ number: N, exporter: 'CR', importer: 'MX', status: 'ISSUED' });
    await eventually(() => arrivals.events.length > 0, 10_000, () => 'the certificate arriving for MX');
    expect(arrivals.events[0]?.data).toEqual({ certificateArrived: { number: N, exporter: 'CR', importer: 'MX', status: 'ISSUED' } });
    arrivals.close();

    // Before receipt, MX's node fetches the document from CR's for its own officer (MX's key,
    // digest checked).
    const before = await at('MX', 'query($n: String!) { certificate(number: $n) { status document documentVerified } }', { n: N }, 'MX');
    expect(before.data?.certificate).toEqual({ status: 'ISSUED', document: SAMPLE, documentVerified: null });
    // Third parties: PE's replica holds the entry (anyone may check a copy against it), but PE may
    // not receive the certificate, and no node shows it to PE, not even the issuer's.
    const check = (document: string) => at('PE', 'query($d: String!) { certificateCheck(document: $d) { authenticity status valid } }', { d: document }, null);
    await until(async () => ((await check(SAMPLE)).data?.certificateCheck as { authenticity: string }).authenticity === 'GENUINE', 10_000, 'the issue entry reaching PE');
    expect(code(await at('PE', 'mutation($n: String!) { receiveCertificate(number: $n) { status } }', { n: N }, 'PE'))).toBe('NOT_IMPORTER');
    // PE's node does not fetch for another authority's caller.
    expect(codesByPath(await at('PE', 'query($n: String!) { certificate(number: $n) { status document } }', { n: N }, 'MX'))).toEqual({ 'certificate.document': 'CONTENT_ELSEWHERE' });
    for (const node of ['PE', 'CR', 'MX'] as const) {
      const read = await at(node, 'query($n: String!) { certificate(number: $n) { number document(format: JSON) } }', { n: N }, 'PE');
      expect(read.data?.certificate ?? null).toBeNull();
      expect(code(read), `PE reading through ${node}'s node`).toBe('FORBIDDEN');
    }
    expect(code(await at('CR', 'query($n: String!) { certificate(number: $n) { number } }', { n: N }, null))).toBe('UNAUTHENTICATED');

    // Through gateways: MX's officer reads the document at MX's gateway (MX's node fetches it from
    // CR's with MX's key); through PE's gateway, or with a PE token at MX's gateway, it is FORBIDDEN.
    const viaGateway = (home: 'MX' | 'PE', as: Country) => gql(`http://127.0.0.1:${gatewayPorts[home]}/graphql`, 'query($n: String!) { certificate(number: $n) { number status document } }', { n: N }, officer[as]);
    expect((await viaGateway('MX', 'MX')).data?.certificate).toEqual({ number: N, status: 'ISSUED', document: SAMPLE });
    for (const [home, as] of [['PE', 'PE'], ['MX', 'PE']] as const) {
      const denied = await viaGateway(home, as);
      expect(denied.data?.certificate ?? null, `${as} through ${home}'s gateway`).toBeNull();
      expect(code(denied), `${as} through ${home}'s gateway`).toBe('FORBIDDEN');
    }

    // MX's node fetches the document from CR's node with MX's own credentials and records receipt.
    const received = await at('MX', 'mutation($n: String!) { receiveCertificate(number: $n) { status } }', { n: N }, 'MX');
    expect(received.errors).toBeUndefined();
    expect(received.data?.receiveCertificate).toEqual({ status: 'RECEIVED' });
    const copy = await at('MX', 'query($n: String!) { certificate(number: $n) { document documentVerified } }', { n: N }, 'MX');
    expect(copy.data?.certificate).toEqual({ document: SAMPLE, documentVerified: true });

    expect(code(await at('MX', 'mutation($n: String!) { consumeCertificate(number: $n, clearance: "MX-DECL-1") { status } }', { n: N }, 'MX'))).toBe('INVALID_TRANSITION');
    expect(code(await at('CR', 'mutation($n: String!) { acceptCertificate(number: $n) { status } }', { n: N }, 'CR'))).toBe('NOT_IMPORTER');
    expect((await at('MX', 'mutation($n: String!) { acceptCertificate(number: $n) { status } }', { n: N }, 'MX')).data?.acceptCertificate).toEqual({ status: 'ACCEPTED' });
    expect((await at('MX', 'mutation($n: String!) { consumeCertificate(number: $n, clearance: "MX-DECL-1") { status } }', { n: N }, 'MX')).data?.consumeCertificate).toEqual({ status: 'CONSUMED' });
    expect(code(await at('MX', 'mutation($n: String!) { consumeCertificate(number: $n, clearance: "MX-DECL-2") { status } }', { n: N }, 'MX'))).toBe('CERTIFICATE_CONSUMED');
    await until(async () => (await statusAt('CR')) === 'CONSUMED', 10_000, 'consumption reaching CR');
    expect(code(await at('CR', 'mutation($n: String!) { withdrawCertificate(number: $n, reason: "late") { status } }', { n: N }, 'CR'))).toBe('INVALID_TRANSITION');
    const steps = await at('CR', 'query($n: String!) { certificate(number: $n) { steps { kind authority } } }', { n: N }, 'CR');
    expect((steps.data?.certificate as { steps: unknown[] }).steps).toEqual([
      { kind: 'ISSUED', authority: 'CR' }, { kind: 'RECEIVED', authority: 'MX' }, { kind: 'ACCEPTED', authority: 'MX' }, { kind: 'CONSUMED', authority: 'MX' },
    ]);

    // Replacement and withdrawal, as MX sees them.
    const second = SAMPLE.replaceAll(N, 'CR-PC-2026-000124');
    const third = second.replace('<ram:ID>CR-PC-2026-000124</ram:ID>', '<ram:ID>CR-PC-2026-000125</ram:ID>')
      .replace('<ram:SignatorySPSAuthentication>', '<ram:ReferenceSPSReferencedDocument>\n      <ram:TypeCode>851</ram:TypeCode>\n      <ram:RelationshipTypeCode>ACW</ram:RelationshipTypeCode>\n      <ram:ID>CR-PC-2026-000124</ram:ID>\n    </ram:ReferenceSPSReferencedDocument>\n    <ram:SignatorySPSAuthentication>');
    expect((await at('CR', 'mutation($d: String!) { issueCertificate(document: $d) { status } }', { d: second }, 'CR')).errors).toBeUndefined();
    const replaced = await at('CR', 'mutation($d: String!) { replaceCertificate(number: "CR-PC-2026-000124", document: $d) { number replaces status } }', { d: third }, 'CR');
    expect(replaced.data?.replaceCertificate).toEqual({ number: 'CR-PC-2026-000125', replaces: 'CR-PC-2026-000124', status: 'ISSUED' });
    await until(async () => ((await at('MX', '{ certificate(number: "CR-PC-2026-000124") { status replacedBy } }', {}, 'MX')).data?.certificate as { replacedBy?: string } | null)?.replacedBy === 'CR-PC-2026-000125', 10_000, 'the replacement reaching MX');
    expect(code(await at('MX', 'mutation { receiveCertificate(number: "CR-PC-2026-000124") { status } }', {}, 'MX'))).toBe('INVALID_TRANSITION');
    await at('CR', 'mutation { withdrawCertificate(number: "CR-PC-2026-000125", reason: "consignment not shipped") { status } }', {}, 'CR');
    await until(async () => ((await at('MX', '{ certificate(number: "CR-PC-2026-000125") { status } }', {}, 'MX')).data?.certificate as { status: string } | null)?.status === 'WITHDRAWN', 10_000, 'the withdrawal reaching MX');

    // MX's list, filtered; PE's list is empty.
    const inbound = await at('MX', '{ certificates(direction: INBOUND, partner: "CR", status: CONSUMED, issuedFrom: "2026-01-01") { totalCount edges { node { number } } } }', {}, 'MX');
    expect(inbound.data?.certificates).toEqual({ totalCount: 1, edges: [{ node: { number: N } }] });
    expect(((await at('MX', '{ certificates(direction: OUTBOUND) { totalCount } }', {}, 'MX')).data?.certificates as { totalCount: number }).totalCount).toBe(0);
    expect(((await at('PE', '{ certificates { totalCount } }', {}, 'PE')).data?.certificates as { totalCount: number }).totalCount).toBe(0);

    // Anyone holding a copy may check it at any node, PE's included.
    expect((await check(SAMPLE)).data?.certificateCheck).toEqual({ authenticity: 'GENUINE', status: 'CONSUMED', valid: true });
    expect((await check(SAMPLE.replace('>18000<', '>28000<'))).data?.certificateCheck).toEqual({ authenticity: 'ALTERED', status: 'CONSUMED', valid: false });

    // The transport carried entries with digests and numbers, never a word of the documents.
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    let transported = '';
    for await (const batch of redis.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) {
      for (const key of batch) {
        if ((await redis.type(key)) !== 'stream') continue;
        for (const message of await redis.xRange(key, '-', '+')) transported += JSON.stringify(message.message);
      }
    }
    await redis.quit();
    expect(transported).toContain(N);
    for (const secret of ['Piñas del Caribe', 'Frutas Selectas', 'Ananas comosus', 'Veracruz', 'María Fernández']) expect(transported).not.toContain(secret);
  }, 120_000);
});
