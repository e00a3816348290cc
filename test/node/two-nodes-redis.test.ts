import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSigningKey, writeGenesis, writeKeyPair } from '../../subgraphs/cli/index.js';
import { generateSigningKey, networkId, openRedisLog } from '../../subgraphs/ledger/index.js';
import { mintToken } from '../../subgraphs/node/index.js';
import { GRANT, grantInput } from './cluster.js';
import { gql } from '../support/graphql-client.js';
import { until } from '../support/eventually.js';
import { freePort, startCli, stop } from '../support/node-process.js';
import { REDIS_URL, redisAvailable } from '../support/redis.js';
import { tempDir } from '../support/temp-dir.js';

const available = await redisAvailable();

describe.skipIf(!available)('node: MX and CR nodes replicating over one Redis', () => {
  const children: Parameters<typeof stop>[0][] = [];
  let cleanup: () => Promise<void> = async () => {};
  afterAll(async () => {
    for (const child of children) await stop(child, 'SIGKILL');
    await cleanup();
  });

  it('a suspension at CR reaches MX\'s own replica within a second; with CR down, MX still answers', async () => {
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
    const ports = { MX: await freePort(), CR: await freePort() };
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

    await gql(url.CR, 'mutation { suspendAeo(aeoId: "CR-AEO-000042", reason: "failed audit") { status } }', {}, crAdmin);
    // The requirement is a deadline: MX's node answers SUSPENDED from its own replica within 1 s.
    await until(async () => (await statusAtMx()) === 'SUSPENDED', 1000, 'the suspension reaching MX');

    await stop(cr.child);
    const answer = await gql(url.MX, '{ operator(aeoId: "CR-AEO-000042") { status legalName history { status } } }', {}, officer);
    expect(answer.data?.operator).toEqual({ status: 'SUSPENDED', legalName: 'Exportadora 42 S.A.', history: [{ status: 'ACTIVE' }, { status: 'SUSPENDED' }] });
  }, 90_000);
});
