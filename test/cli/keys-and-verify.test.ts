import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGenesis, readSigningKey } from '../../subgraphs/cli/index.js';
import { FileStore, Replica } from '../../subgraphs/ledger/index.js';
import { grant, steppingClock } from '../support/network.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

describe('cli: mra-hub keys and mra-hub ledger verify', () => {
  it('generates keys, writes a genesis, and verifies a data directory; a tampered file fails with its code', () => {
    const dir = tempDir();
    const keys = join(dir, 'keys');
    expect(runCli(['keys', 'generate', '--country', 'MX', '--dir', keys]).status).toBe(0);
    expect(runCli(['keys', 'generate', '--country', 'cr', '--dir', keys]).status).toBe(0);
    expect(statSync(join(keys, 'MX.key.json')).mode & 0o777).toBe(0o600);
    expect(runCli(['keys', 'generate', '--country', 'MX', '--dir', keys]).stderr).toMatch(/refusing to overwrite/);
    const genesisPath = join(dir, 'data', 'genesis.json');
    expect(runCli(['keys', 'genesis', '--dir', keys, '--out', genesisPath, '--name', 'cadena']).status).toBe(0);
    const genesis = readGenesis(genesisPath);
    expect(genesis.authorities.map((a) => a.country)).toEqual(['CR', 'MX']);

    const mx = Replica.open({ genesis, store: new FileStore(join(dir, 'data')), signer: { authority: 'MX', key: readSigningKey(keys, 'MX') }, now: steppingClock() });
    [1, 2, 3].forEach((n) => mx.submit(grant('MX', n)));
    mx.checkpoint();
    mx.close();

    const ok = runCli(['ledger', 'verify', join(dir, 'data'), '--json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, chains: [{ authority: 'MX', stored: 3, verified: 3, checkpoint: 'ok' }] });

    const file = join(dir, 'data', 'chains', 'MX.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Operadora 2 S.A.', 'Operadora 9 S.A.'));
    const tampered = runCli(['ledger', 'verify', join(dir, 'data')]);
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toMatch(/HASH_MISMATCH MX#2/);
    expect(tampered.stdout).toMatch(/FAILED/);
  });

  it('regression: runs from any directory (the compiled CLI, decorators included, does not depend on the working directory)', () => {
    const elsewhere = tempDir();
    const result = runCli(['keys', 'generate', '--country', 'MX', '--dir', 'keys'], { cwd: elsewhere });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(statSync(join(elsewhere, 'keys', 'MX.pub.json')).isFile()).toBe(true);
  });

  it('regression: keys genesis refuses to overwrite a genesis (each run made a new network) unless --force', () => {
    const dir = tempDir();
    const keys = join(dir, 'keys');
    expect(runCli(['keys', 'generate', '--country', 'MX', '--dir', keys]).status).toBe(0);
    const out = join(dir, 'genesis.json');
    expect(runCli(['keys', 'genesis', '--dir', keys, '--out', out]).status).toBe(0);
    const first = readFileSync(out, 'utf8');
    const again = runCli(['keys', 'genesis', '--dir', keys, '--out', out]);
    expect(again.stderr).toBe(`mra-hub: ${out} exists; refusing to overwrite a genesis (pass --force to start a new network)\n`);
    expect(again.status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe(first);
    expect(runCli(['keys', 'genesis', '--dir', keys, '--out', out, '--name', 'other', '--force']).status).toBe(0);
    expect(readGenesis(out).name).toBe('other');
    expect(runCli(['keys', 'genesis', '--help']).stdout).toMatch(/--force/);
  });

  it('keys genesis --created-at reads ISO 8601 as a node\'s date filters do: a date-time without an offset is UTC whatever the local zone, an offset is honoured, a date alone is its start', () => {
    const dir = tempDir();
    const keys = join(dir, 'keys');
    expect(runCli(['keys', 'generate', '--country', 'MX', '--dir', keys]).status).toBe(0);
    const createdAt = (value: string): string => {
      const out = join(tempDir(), 'genesis.json');
      // Mexico City is 6 hours behind UTC: new Date() read an offset-less date-time there as 06:00Z.
      const result = runCli(['keys', 'genesis', '--dir', keys, '--out', out, '--created-at', value], { env: { ...process.env, TZ: 'America/Mexico_City' } });
      expect(result.stderr, value).toBe('');
      return readGenesis(out).createdAt;
    };
    expect(createdAt('2026-01-01T00:00:00')).toBe('2026-01-01T00:00:00.000Z');
    expect(createdAt('2026-01-01T00:00')).toBe('2026-01-01T00:00:00.000Z');
    expect(createdAt('2025-12-31T18:00:00-06:00')).toBe('2026-01-01T00:00:00.000Z');
    expect(createdAt('2026-01-01T05:30:00.25+05:30')).toBe('2026-01-01T00:00:00.250Z');
    expect(createdAt('2026-01-01')).toBe('2026-01-01T00:00:00.000Z');
  });

  it('names the bad option and exits non-zero', () => {
    const result = runCli(['keys', 'generate', '--country', 'MEXICO']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/--country/);
    expect(runCli(['ledger', 'verify', '/nonexistent/dir']).stderr).toMatch(/\/nonexistent\/dir does not exist/);
  });
});

describe('cli: mra-hub token', () => {
  it('mints a token the node accepts for that authority and role', async () => {
    const { authenticate } = await import('../../subgraphs/node/index.js');
    const { createGenesis } = await import('../../subgraphs/ledger/index.js');
    const dir = tempDir();
    const keys = join(dir, 'keys');
    expect(runCli(['keys', 'generate', '--country', 'PE', '--dir', keys]).status).toBe(0);
    const minted = runCli(['token', '--country', 'PE', '--role', 'analyst', '--subject', 'lucia', '--keys', keys]);
    expect(minted.status).toBe(0);
    const member = JSON.parse(readFileSync(join(keys, 'PE.pub.json'), 'utf8')) as { country: string; name: string; publicKey: string };
    const genesis = createGenesis('t', [{ country: member.country, name: member.name, publicKey: member.publicKey }], new Date());
    const replica = Replica.open({ genesis, now: () => new Date() });
    expect(await authenticate(`Bearer ${minted.stdout.trim()}`, replica.state, new Date())).toEqual({ country: 'PE', role: 'analyst', subject: 'lucia', expiresAt: expect.any(Date), keyId: replica.state.authorities.PE?.keys[0]?.keyId });
    expect(runCli(['token', '--country', 'PE', '--role', 'boss', '--keys', keys]).stderr).toMatch(/--role/);
  });
});
