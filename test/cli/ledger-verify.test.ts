import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGenesisFile } from '../../subgraphs/cli/key-files.js';
import { FileStore, parseEntryJson } from '../../subgraphs/ledger/index.js';
import { GRANT, grantInput } from '../node/cluster.js';
import { gql } from '../support/graphql-client.js';
import { grant, testNetwork } from '../support/network.js';
import { adminToken, startNodeProcess, writeNetwork, type NodeProcess } from '../support/node-network.js';
import { runCli, runCliAsync } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

describe('cli: mra-hub ledger verify and prove against a node\'s data directory', () => {
  let dir: string;
  let net: ReturnType<typeof writeNetwork>;
  let mx: NodeProcess;
  let token: string;
  const grantAt = async (n: number) => expect((await gql(mx.url, GRANT, { input: grantInput('MX', n) }, token)).errors).toBeUndefined();

  beforeAll(async () => {
    dir = tempDir();
    net = writeNetwork(dir, ['MX', 'CR']);
    mx = await startNodeProcess(net, dir, 'MX', []);
    token = await adminToken(net.keys, 'MX');
  });
  afterAll(async () => mx.stop('SIGKILL'));

  it('regression: a path with no chains fails loudly instead of VERIFIED; --help names the node\'s data directory', () => {
    const empty = tempDir();
    const missing = runCli(['ledger', 'verify', join(empty, 'nope')]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/nope does not exist/);
    mkdirSync(join(empty, 'chains'));
    const nothing = runCli(['ledger', 'verify', empty, '--genesis', net.genesisPath]);
    expect(nothing.status).not.toBe(0);
    expect(nothing.stderr).toMatch(/no chain and no checkpoint: nothing to verify/);
    expect(nothing.stdout).not.toMatch(/VERIFIED/);
    expect(runCli(['ledger', 'verify', '--help']).stdout.replace(/\s+/g, ' ')).toMatch(/dir a node's data directory \(as given to `mra-hub node --data`\), or the ledger directory inside it/);
  });

  it('the node checkpoints what it acknowledged; `ledger prove` checks a consistency proof between two checkpoints', async () => {
    await grantAt(1);
    await grantAt(2);
    const first = join(dir, 'mx-2.json');
    const proved = await runCliAsync(['ledger', 'prove', '--node', mx.url, '--country', 'MX', '--from', '1', '--genesis', net.genesisPath, '--save', first]);
    expect(proved.stdout).toMatch(/MX: 1 → 2 .* 1 signed checkpoint\(s\)\nCONSISTENT/);
    expect(JSON.parse(readFileSync(first, 'utf8'))).toMatchObject({ authority: 'MX', treeSize: 2 });
    await grantAt(3);
    await grantAt(4);
    const later = await runCliAsync(['ledger', 'prove', '--node', mx.url, '--country', 'MX', '--from', first, '--genesis', net.genesisPath]);
    expect(later.status).toBe(0);
    expect(later.stdout).toMatch(/MX: 2 → 4 .* 2 signed checkpoint\(s\)\nCONSISTENT/);
    const forged = join(dir, 'forged.json');
    writeFileSync(forged, JSON.stringify({ ...JSON.parse(readFileSync(first, 'utf8')), rootHash: 'ab'.repeat(32) }));
    const refused = await runCliAsync(['ledger', 'prove', '--node', mx.url, '--country', 'MX', '--from', forged, '--genesis', net.genesisPath]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/BAD_CHECKPOINT \(from\)/);
  });

  it('after shutdown the data directory verifies with its checkpoint; cut at a line boundary or deleted, it is CHAIN_TRUNCATED', async () => {
    await mx.stop('SIGTERM');
    const data = join(dir, 'MX');
    const ok = runCli(['ledger', 'verify', data, '--checkpoint', join(dir, 'mx-2.json')]);
    expect(ok.stdout).toMatch(/MX +4 entries {2}ok .* checkpoint ok/);
    expect(ok.stdout).toMatch(/checkpoint MX@2 \(presented\): ok\nVERIFIED/);
    const file = join(data, 'ledger', 'chains', 'MX.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.slice(0, 4).map((l) => parseEntryJson(l).sequence)).toEqual([1, 2, 3, 4]);
    writeFileSync(file, `${lines.slice(0, 3).join('\n')}\n`);
    const cut = runCli(['ledger', 'verify', data]);
    expect(cut.status).toBe(1);
    expect(cut.stdout).toMatch(/CHAIN_TRUNCATED MX#4: MX holds 3 entries but a checkpoint vouches for 4\n[^]*FAILED/);
    rmSync(file);
    expect(runCli(['ledger', 'verify', data]).stdout).toMatch(/CHAIN_TRUNCATED MX#4/);
    await expect(startNodeProcess(net, dir, 'MX', [])).rejects.toThrow(/CHAIN_TRUNCATED/);
  });
});

describe('cli: mra-hub ledger verify of a damaged store', () => {
  /** A node's data directory (genesis beside ledger/) with MX's chain of two grants, its second line replaced by `line2`. */
  function damagedDataDir(line2: string): string {
    const data = join(tempDir(), 'mx');
    const net = testNetwork(['MX', 'CR']);
    writeGenesisFile(join(data, 'genesis.json'), net.genesis);
    const mx = net.replica('MX', new FileStore(join(data, 'ledger')));
    mx.submit(grant('MX', 1));
    mx.submit(grant('MX', 2));
    mx.close();
    const file = join(data, 'ledger', 'chains', 'MX.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, `${[lines[0], line2].join('\n')}\n`);
    return data;
  }

  it('regression: a damaged chain file fails the audit, exit 1, FAILED naming file and line, as a bad signature does (it was a user error: one STORAGE_CORRUPT line, exit 2, no report)', () => {
    const data = damagedDataDir('{"not": "an entry"');
    const result = runCli(['ledger', 'verify', data]);
    expect([result.status, result.stderr]).toEqual([1, '']);
    expect(result.stdout).toMatch(new RegExp(`^ledger ${join(data, 'ledger')}\nnetwork [0-9a-f]+\n {2}✗ STORAGE_CORRUPT MX: ${join(data, 'ledger', 'chains', 'MX.jsonl')}:2: .* \\(the store cannot be read: no chain was verified\\)\nFAILED\n$`));
    const json = runCli(['ledger', 'verify', data, '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, chains: [], problems: [{ authority: 'MX', code: 'STORAGE_CORRUPT' }] });
  });
});
