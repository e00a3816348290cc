import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSigningKey, writeGenesis, writeKeyPair } from '../../subgraphs/cli/index.js';
import { generateSigningKey, networkId, openRedisLog } from '../../subgraphs/ledger/index.js';
import { mintToken } from '../../subgraphs/node/index.js';
import { GRANT, grantInput } from './cluster.js';
import { gql, subscribe } from '../support/graphql-client.js';
import { eventually, until } from '../support/eventually.js';
import { freePort, startCli, stop } from '../support/node-process.js';
import { REDIS_URL, redisAvailable } from '../support/redis.js';
import { tempDir } from '../support/temp-dir.js';

const available = await redisAvailable();

describe.skipIf(!available)('node and gateway as real processes: MX and CR nodes replicating over one Redis, MX\'s gateway in front', () => {
  const children: Parameters<typeof stop>[0][] = [];
  let cleanup: () => Promise<void> = async () => {};
  afterAll(async () => {
    for (const child of children) await stop(child, 'SIGKILL');
    await cleanup();
  });

  it('a suspension at CR reaches MX\'s replica and an MX subscriber on MX\'s gateway within a second; with CR down, MX still answers', async () => {
    const dir = tempDir();
    const keys = join(dir, 'keys');
    const members = (['MX', 'CR'] as const).map((country) => {
      const key = generateSigningKey();
      writeKeyPair(keys, { country, name: `Customs ${country}` }, key);
      return { country, name: `Customs ${country}`, publicKey: key.publicKey };
    });
    const genesisPath = join(dir, 'genesis.json');
    const genesis = writeGenesis(genesisPath, 'redis-it', members, new Date('2026-01-01T00:00:00Z'));
    const prefix = `mra:${networkId(genesis).slice(0, 16)}`;
    cleanup = async () => {
      const admin = await openRedisLog({ url: REDIS_URL, prefix });
      await admin.forgetEverything();
      await admin.close();
    };
    const ports = { MX: await freePort(), CR: await freePort(), gateway: await freePort() };
    const start = (country: 'MX' | 'CR', stack: string) =>
      startCli(['node', '--country', country, '--data', join(dir, country), '--keys', keys, '--genesis', genesisPath, '--port', String(ports[country]), '--redis', REDIS_URL, '--server', stack], /node \(/);
    const mx = await start('MX', 'mercurius');
    const cr = await start('CR', 'apollo');
    children.push(mx.child, cr.child);
    const url = { MX: `http://127.0.0.1:${ports.MX}/graphql`, CR: `http://127.0.0.1:${ports.CR}/graphql` };
    const token = (country: 'MX' | 'CR', role: 'officer' | 'admin') => mintToken(readSigningKey(keys, country), { country, role, subject: 'it' }, new Date());

    await gql(url.MX, `mutation($i: ProposeMraInput!) { proposeMra(input: $i) { status } }`, {
      i: { mraId: 'cadena', name: 'CADENA', parties: ['MX', 'CR'], terms: [{ partner: '*', role: 'OFFICER', fields: ['legalName', 'history'] }] },
    }, await token('MX', 'admin'));
    const crAdmin = await token('CR', 'admin');
    // CR approves once the proposal has reached its replica over Redis.
    await until(async () => !(await gql(url.CR, 'mutation { approveMra(mraId: "cadena") { status } }', {}, crAdmin)).errors, 10_000, 'CR approving the MRA');
    expect((await gql(url.CR, GRANT, { input: grantInput('CR', 42) }, crAdmin)).errors).toBeUndefined();
    const officer = await token('MX', 'officer');
    const statusAtMx = async () =>
      ((await gql(url.MX, '{ operator(aeoId: "CR-AEO-000042") { status legalName } }', {}, officer)).data?.operator as { status: string } | null)?.status;
    await until(async () => (await statusAtMx()) === 'ACTIVE', 10_000, 'the grant reaching MX');

    const tokenFile = join(dir, 'gateway.token');
    writeFileSync(tokenFile, await token('MX', 'admin'));
    const gateway = await startCli(['gateway', '--home', 'MX', '--node', `MX=${url.MX}`, '--node', `CR=${url.CR}`, '--service-token-file', tokenFile, '--port', String(ports.gateway)], /^gateway at /);
    children.push(gateway.child);
    const gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;
    const crossCountry = await gql(gatewayUrl, '{ operator(aeoId: "CR-AEO-000042") { legalName taxId } }', {}, officer);
    expect(crossCountry.data?.operator).toEqual({ legalName: 'Exportadora 42 S.A.', taxId: null });
    expect(crossCountry.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const subscriber = subscribe(gatewayUrl.replace(/^http/, 'ws'), 'subscription { operatorStatusChanged(country: "CR") { aeoId status } }', officer);
    await subscriber.ready;
    await new Promise((resolve) => setTimeout(resolve, 300));

    const suspended = performance.now();
    await gql(url.CR, 'mutation { suspendAeo(aeoId: "CR-AEO-000042", reason: "failed audit") { status } }', {}, crAdmin);
    // The requirement is a deadline: MX's node answers SUSPENDED from its own replica within 1 s,
    // and a subscriber on MX's gateway hears it within 1 s.
    await until(async () => (await statusAtMx()) === 'SUSPENDED', 1000, 'the suspension reaching MX');
    await eventually(() => subscriber.events.length > 0, 1000 - (performance.now() - suspended), () => 'the suspension reaching the subscriber');
    expect(subscriber.events[0]?.data).toEqual({ operatorStatusChanged: { aeoId: 'CR-AEO-000042', status: 'SUSPENDED' } });
    subscriber.close();

    await stop(cr.child);
    const answer = await gql(url.MX, '{ operator(aeoId: "CR-AEO-000042") { status legalName history { status } } }', {}, officer);
    expect(answer.data?.operator).toEqual({ status: 'SUSPENDED', legalName: 'Exportadora 42 S.A.', history: [{ status: 'ACTIVE' }, { status: 'SUSPENDED' }] });
    const throughGateway = await gql(gatewayUrl, '{ operator(aeoId: "CR-AEO-000042") { status legalName taxId } }', {}, officer);
    expect(throughGateway.data?.operator).toEqual({ status: 'SUSPENDED', legalName: 'Exportadora 42 S.A.', taxId: null });
  }, 90_000);
});
