import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeGenesis } from '../../subgraphs/cli/index.js';
import { certificateDigest, exportJson, importXml } from '../../subgraphs/certificates/index.js';
import { FileStore, generateSigningKey, Replica } from '../../subgraphs/ledger/index.js';
import { CountryNode, serveWithApollo } from '../../subgraphs/node/index.js';
import { steppingClock } from '../support/network.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

/** `runCli` without blocking this process, which serves the node the CLI asks. */
function runCliAsync(args: readonly string[]): Promise<{ status: number | null; stdout: string }> {
  const bin = join(import.meta.dirname, '..', '..', 'subgraphs', 'cli', 'mra-hub.mjs');
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { encoding: 'utf8' }, (error, stdout) => resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout }));
  });
}

const SAMPLE = readFileSync(join(import.meta.dirname, '../../subgraphs/certificates/samples/CR-PC-2026-000123.xml'), 'utf8');

/**
 * A ledger directory where CR issued the sample to MX, and issued then withdrew CR-PC-2026-000124;
 * its genesis in the ledger directory, or (`genesisIn`) where a node keeps it: its data directory.
 */
function ledgerWithCertificates(dir: string, genesisIn = join(dir, 'ledger')) {
  const keys = { CR: generateSigningKey(), MX: generateSigningKey() };
  const genesis = writeGenesis(join(genesisIn, 'genesis.json'), 'cert-cli', (['CR', 'MX'] as const).map((c) => ({ country: c, name: c, publicKey: keys[c].publicKey })), new Date('2026-01-01T00:00:00Z'));
  const cr = Replica.open({ genesis, store: new FileStore(join(dir, 'ledger')), signer: { authority: 'CR', key: keys.CR }, now: steppingClock() });
  const issue = (xml: string) => {
    const c = importXml(xml, 'x.xml');
    cr.submit({ kind: 'issueCertificate', number: c.number, importer: 'MX', digest: certificateDigest(c) });
  };
  const withdrawn = SAMPLE.replaceAll('CR-PC-2026-000123', 'CR-PC-2026-000124');
  issue(SAMPLE);
  issue(withdrawn);
  cr.submit({ kind: 'withdrawCertificate', number: 'CR-PC-2026-000124', reason: 'issued in error' });
  return { cr, withdrawn };
}

describe('cli: mra-hub certificate verify', () => {
  it('tells a genuine copy (XML or JSON) from an altered one, and reports a withdrawn certificate as withdrawn', () => {
    const dir = tempDir();
    const { cr, withdrawn } = ledgerWithCertificates(dir);
    cr.close();
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const verify = (path: string) => runCli(['certificate', 'verify', path, '--ledger', join(dir, 'ledger')]);

    const genuine = verify(file('copy.xml', SAMPLE));
    expect([genuine.status, genuine.stdout.trim()]).toEqual([0, 'GENUINE  CR-PC-2026-000123: matches the ledger entry, issued by CR to MX; status ISSUED']);
    expect(verify(file('copy.json', exportJson(importXml(SAMPLE, 'x')))).status).toBe(0);

    const altered = verify(file('altered.xml', SAMPLE.replace('>18000<', '>28000<')));
    expect(altered.status).toBe(1);
    expect(altered.stdout).toMatch(/^ALTERED {2}CR-PC-2026-000123: this copy does not match the digest CR recorded/);

    const gone = verify(file('withdrawn.xml', withdrawn));
    expect(gone.status).toBe(1);
    expect(gone.stdout.trim()).toBe('WITHDRAWN  CR-PC-2026-000124: genuine copy, issued by CR to MX, but withdrawn by its issuer: issued in error');

    const unknown = verify(file('unknown.xml', SAMPLE.replaceAll('CR-PC-2026-000123', 'CR-PC-2026-999999')));
    expect([unknown.status, unknown.stdout]).toEqual([1, expect.stringMatching(/^UNKNOWN {2}CR-PC-2026-999999/)]);

    const json = JSON.parse(runCli(['certificate', 'verify', join(dir, 'withdrawn.xml'), '--ledger', join(dir, 'ledger'), '--json']).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ authenticity: 'GENUINE', status: 'WITHDRAWN', valid: false, reason: 'issued in error' });
  });

  it('regression: --ledger naming no ledger is one line, exit 2 (it was UNKNOWN, exit 1: a forgery verdict for a path mistake)', () => {
    const dir = tempDir();
    ledgerWithCertificates(dir).cr.close();
    writeFileSync(join(dir, 'copy.xml'), SAMPLE);
    const verify = (ledger: string) => runCli(['certificate', 'verify', join(dir, 'copy.xml'), '--ledger', ledger]);
    const missing = verify(join(dir, 'nope'));
    expect([missing.status, missing.stdout, missing.stderr]).toEqual([2, '', `mra-hub: --ledger ${join(dir, 'nope')} does not exist\n`]);
    mkdirSync(join(dir, 'keys'));
    writeFileSync(join(dir, 'keys', 'MX.pub.json'), '{}');
    const keys = verify(join(dir, 'keys'));
    expect([keys.status, keys.stdout]).toEqual([2, '']);
    expect(keys.stderr).toMatch(/^mra-hub: --ledger .*keys holds no ledger: expected .*keys\/ledger\/chains \(a node's data directory\) or .*keys\/chains\n$/);
  });

  it('regression: --ledger takes a node\'s data directory, as ledger verify does, and finds the genesis the node keeps there (data/mx and data/mx/ledger were UNKNOWN; the default looked in data/mx/ledger)', () => {
    const data = join(tempDir(), 'mx');
    ledgerWithCertificates(data, data).cr.close();
    writeFileSync(join(data, 'copy.xml'), SAMPLE);
    for (const ledger of [data, join(data, 'ledger')]) {
      const result = runCli(['certificate', 'verify', join(data, 'copy.xml'), '--ledger', ledger]);
      expect([result.status, result.stdout.trim(), result.stderr], ledger).toEqual([0, 'GENUINE  CR-PC-2026-000123: matches the ledger entry, issued by CR to MX; status ISSUED', '']);
    }
    const audit = runCli(['ledger', 'verify', join(data, 'ledger')]);
    expect([audit.status, audit.stderr]).toEqual([0, '']);
    expect(audit.stdout).toMatch(/VERIFIED\n$/);
    expect(runCli(['certificate', 'verify', '--help']).stdout.replace(/\s+/g, ' ')).toMatch(/--ledger <dir> check against a node's data directory \(as given to `mra-hub node --data`\) or the ledger directory inside it.*--genesis <file> genesis to trust \(default: genesis\.json in the node's data directory, else in the ledger directory\)/);
  });

  it('an invalid file is refused with its name, line, path and reason (exit 2)', () => {
    const dir = tempDir();
    ledgerWithCertificates(dir).cr.close();
    const bad = join(dir, 'bad.xml');
    writeFileSync(bad, SAMPLE.replace('<ram:ID>MX</ram:ID>', '<ram:ID>Mexico</ram:ID>'));
    const result = runCli(['certificate', 'verify', bad, '--ledger', join(dir, 'ledger')]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(new RegExp(`^mra-hub: INVALID_CERTIFICATE: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: /SPSCertificate/SPSConsignment/ImportSPSCountry/ID: must be an ISO 3166-1`));
  });

  it('asks a node instead of reading a ledger, and converts between XML and JSON losslessly', async () => {
    const dir = tempDir();
    const { cr } = ledgerWithCertificates(dir);
    const node = new CountryNode({ country: 'CR', replica: cr, now: () => new Date() });
    const server = await serveWithApollo(node, { port: 0 });
    try {
      writeFileSync(join(dir, 'copy.xml'), SAMPLE);
      const result = await runCliAsync(['certificate', 'verify', join(dir, 'copy.xml'), '--node', server.url]);
      expect([result.status, result.stdout]).toEqual([0, expect.stringMatching(/^GENUINE {2}CR-PC-2026-000123/)]);
    } finally {
      await server.close();
      node.close();
      cr.close();
    }
    expect(runCli(['certificate', 'convert', join(dir, 'copy.xml'), '--to', 'json', '--out', join(dir, 'copy.json')]).status).toBe(0);
    expect(runCli(['certificate', 'convert', join(dir, 'copy.json'), '--to', 'xml']).stdout).toBe(SAMPLE);
  });
});
