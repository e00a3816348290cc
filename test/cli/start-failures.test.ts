import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readSigningKey, writeKeyPair } from '../../subgraphs/cli/index.js';
import { exportPrivateJwk, FileStore, generateSigningKey, Replica } from '../../subgraphs/ledger/index.js';
import { composeBenchSupergraph, serveBenchSubgraphs } from '../bench/federation/index.js';
import { budget } from '../support/budget.js';
import { eventually } from '../support/eventually.js';
import { freePort } from '../support/node-process.js';
import { startNodeProcess, writeNetwork, type NodeProcess } from '../support/node-network.js';
import { redisServerAvailable, startRedisServer, type RedisServer } from '../support/redis-server.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const withRedis = await redisServerAvailable();

/** Holds a loopback port, as another program would; released after each test. */
async function takenPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, server };
}

describe('cli: a server whose port is taken says so in one line and exits 2, leaving nothing open', () => {
  const held: Server[] = [];
  afterEach(async () => {
    for (const server of held.splice(0)) await new Promise((resolve) => server.close(resolve));
  });

  async function nodeArgs(extra: readonly string[] = []): Promise<{ args: string[]; port: number }> {
    const dir = tempDir();
    const net = writeNetwork(dir, ['MX']);
    const { port, server } = await takenPort();
    held.push(server);
    return { port, args: ['node', '--country', 'MX', '--data', join(dir, 'MX'), '--keys', net.keys, '--genesis', net.genesisPath, '--port', String(port), ...extra] };
  }

  for (const stack of ['apollo', 'mercurius'] as const) {
    it(`regression: a node on ${stack} (it hung on Apollo, exit 13; a raw stack on mercurius)`, async () => {
      const { args, port } = await nodeArgs(['--server', stack]);
      const result = runCli(args);
      expect(result.stderr).toBe(`mra-hub: cannot listen on 127.0.0.1:${port}: EADDRINUSE\n`);
      expect(result.status).toBe(2);
    });
  }

  describe.skipIf(!withRedis)('with its Redis connections open', () => {
    let redis: RedisServer | undefined;
    beforeAll(async () => {
      redis = await startRedisServer();
    });
    afterAll(async () => {
      await redis?.stop();
    });

    it('regression: a node on Apollo with --redis closes replication and exits (it hung, deaf to SIGTERM)', async () => {
      const { args, port } = await nodeArgs(['--redis', redis?.url as string]);
      const result = runCli(args);
      expect(result.stderr).toBe(`mra-hub: cannot listen on 127.0.0.1:${port}: EADDRINUSE\n`);
      expect(result.status).toBe(2);
    });
  });

  it('regression: a gateway prints its one line without a websocket "internal error" stack first', async () => {
    const dir = tempDir();
    const served = await serveBenchSubgraphs();
    const file = join(dir, 'supergraph.graphql');
    try {
      writeFileSync(file, composeBenchSupergraph(served.subgraphs));
    } finally {
      await served.close();
    }
    const { port, server } = await takenPort();
    held.push(server);
    const result = runCli(['gateway', '--supergraph', file, '--port', String(port), '--host', '127.0.0.1']);
    expect(result.stderr).toBe(`mra-hub: cannot listen on 127.0.0.1:${port}: EADDRINUSE\n`);
    expect(result.status).toBe(2);
  });
});

describe('cli: a node refuses, before serving, what it could not run with (one line, exit 2)', () => {
  /** A two-authority network, and the arguments that start MX's node on it (its port is never reached). */
  function mxNode(): { dir: string; keys: string; args: (...extra: string[]) => string[] } {
    const dir = tempDir();
    const net = writeNetwork(dir, ['MX', 'CR']);
    return { dir, keys: net.keys, args: (...extra) => ['node', '--country', 'MX', '--data', join(dir, 'MX'), '--keys', net.keys, '--genesis', net.genesisPath, '--port', '46999', ...extra] };
  }

  it('regression: another authority\'s key (it served, then failed every write and its closing); nothing is written', () => {
    const { dir, keys, args } = mxNode();
    const wrong = join(dir, 'wrongkeys');
    mkdirSync(wrong);
    copyFileSync(join(keys, 'CR.key.json'), join(wrong, 'MX.key.json'));
    const result = runCli([...args(), '--keys', wrong]);
    expect(result.stderr).toBe(`mra-hub: ${join(wrong, 'MX.key.json')}: its public key is CR's, not MX's (a key file copied from another authority?)\n`);
    expect(result.status).toBe(2);
    expect(existsSync(join(dir, 'MX'))).toBe(false);
  });

  it('a key that is none of the country\'s, in the genesis or its replica (made for another network)', () => {
    const { dir, args } = mxNode();
    const other = join(dir, 'otherkeys');
    writeKeyPair(other, { country: 'MX', name: 'Customs MX' }, generateSigningKey());
    const result = runCli([...args(), '--keys', other]);
    expect(result.stderr).toMatch(new RegExp(`^mra-hub: ${join(other, 'MX.key.json')}: its public key is none of MX's keys in the genesis or this replica .+\\n$`));
    expect(result.status).toBe(2);
  });

  it('regression: --peer given twice for one authority (the last won silently)', () => {
    const { args } = mxNode();
    const twice = runCli(args('--peer', 'CR=http://127.0.0.1:46997', '--peer', 'CR=http://127.0.0.1:46996'));
    expect(twice.stderr).toBe('mra-hub: --peer CR=http://127.0.0.1:46996: CR\'s node is given twice\n');
    expect(twice.status).toBe(2);
  });

  it('regression: a --redis URL that is not redis:// or rediss:// (accepted, then TRANSPORT_ERROR forever)', () => {
    const { args } = mxNode();
    const http = runCli(args('--redis', 'http://127.0.0.1:46997'));
    expect(http.stderr).toBe('mra-hub: --redis http://127.0.0.1:46997: expected a redis:// or rediss:// URL\n');
    expect(http.status).toBe(2);
  });

  it('regression: a key file that is not JSON, or not an Ed25519 JWK (a SyntaxError or TypeError stack)', () => {
    const { keys, args } = mxNode();
    writeFileSync(join(keys, 'MX.key.json'), '{ not json');
    const notJson = runCli(args());
    expect(notJson.stderr).toMatch(new RegExp(`^mra-hub: ${join(keys, 'MX.key.json')} is not a key file: .+\\n$`));
    expect(notJson.status).toBe(2);
    writeFileSync(join(keys, 'MX.key.json'), JSON.stringify({ kty: 'OKP', crv: 'Ed25519', d: 'short' }));
    const badJwk = runCli(args());
    expect(badJwk.stderr).toMatch(new RegExp(`^mra-hub: ${join(keys, 'MX.key.json')} does not hold an Ed25519 private key \\(JWK\\): .+\\n$`));
    expect(badJwk.status).toBe(2);
  });
});

describe('cli: a node whose Redis does not answer at start', () => {
  let node: NodeProcess | undefined;
  afterAll(async () => {
    await node?.stop('SIGKILL');
  });

  it('regression: serves and says so once, naming the URL without its password (stderr stayed silent)', async () => {
    const dir = tempDir();
    const port = await freePort();
    node = await startNodeProcess(writeNetwork(dir, ['MX', 'CR']), dir, 'MX', ['--redis', `redis://:s3cret@127.0.0.1:${port}`]);
    const warnings = () => node?.output.filter((line) => line.includes('REDIS_UNREACHABLE')) ?? [];
    await eventually(() => warnings().length > 0, budget(20_000));
    expect(warnings()).toEqual([`replication: REDIS_UNREACHABLE: redis://:***@127.0.0.1:${port} does not answer; serving meanwhile, joining this log as soon as it answers`]);
    expect(node.output.filter((line) => /TRANSPORT_ERROR/.test(line))).toEqual([]);
    expect(node.output.join('\n')).not.toContain('s3cret');
  }, budget(60_000));
});

describe('cli: a network grows and changes keys after its genesis', () => {
  let node: NodeProcess | undefined;
  afterEach(async () => {
    await node?.stop('SIGKILL');
    node = undefined;
  });

  /** GET /healthz of a node, as its status and body. */
  async function health(url: string): Promise<{ status: number; body: unknown }> {
    const response = await fetch(url.replace(/\/graphql$/, '/healthz'));
    return { status: response.status, body: await response.json() };
  }

  /** Stops the node with SIGTERM and gives its exit code. */
  async function stopped(running: NodeProcess): Promise<number | null> {
    await running.stop();
    return running.child.exitCode;
  }

  it('regression: a member admitted later by an MRA starts with an empty data directory, warning its key is not checked yet (refused: not in the genesis)', async () => {
    const dir = tempDir();
    const net = writeNetwork(dir, ['MX', 'CR']);
    writeKeyPair(net.keys, { country: 'CO', name: 'Customs CO' }, generateSigningKey());
    node = await startNodeProcess(net, dir, 'CO', []);
    expect(node.output).toContain(`warning: CO is not in the genesis nor admitted in this replica yet: ${join(net.keys, 'CO.key.json')} cannot be checked until its admission arrives`);
    expect(await health(node.url)).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok', country: 'CO' }) });
    // Nothing to vouch for with a key nobody knows yet: closing signs no checkpoint and exits 0.
    expect(await stopped(node)).toBe(0);
    expect(node.output.filter((line) => /closing failed/.test(line))).toEqual([]);
  }, budget(60_000));

  it('regression: --peer names a member not in the genesis (refused), warning it is followed once admitted', async () => {
    const dir = tempDir();
    const peer = `http://127.0.0.1:${await freePort()}/graphql`;
    node = await startNodeProcess(writeNetwork(dir, ['MX', 'CR']), dir, 'MX', ['--peer', `BR=${peer}`]);
    expect(node.output).toContain(`warning: --peer BR=${peer}: BR is not in the genesis nor admitted in this replica yet; followed once its admission arrives`);
    expect((await health(node.url)).status).toBe(200);
  }, budget(60_000));

  it('regression: a node restarted after rotating its key starts with the new key (refused: not the genesis key)', async () => {
    const dir = tempDir();
    const net = writeNetwork(dir, ['MX', 'CR']);
    const replica = Replica.open({ genesis: net.genesis, store: new FileStore(join(dir, 'MX', 'ledger')), signer: { authority: 'MX', key: readSigningKey(net.keys, 'MX') }, now: () => new Date() });
    const next = generateSigningKey();
    replica.rotateKey(next);
    replica.close();
    writeFileSync(join(net.keys, 'MX.key.json'), JSON.stringify(exportPrivateJwk(next)), { mode: 0o600 });
    node = await startNodeProcess(net, dir, 'MX', []);
    expect(node.output.filter((line) => /warning/.test(line))).toEqual([]);
    expect((await health(node.url)).status).toBe(200);
    expect(await stopped(node)).toBe(0);
  }, budget(60_000));
});
