import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  auditLedger, bodyOf, FileStore, parseEntryJson, parseGenesis, sealEntry, type AuditReport, type Entry, type SigningKey,
} from '../../subgraphs/ledger/index.js';
import { grant, testNetwork, type TestNetwork } from '../support/network.js';
import { tempDir } from '../support/temp-dir.js';

/** MX (with 4 own entries and 2 of CR's) and CR write into file stores; returns the MX directory. */
function writtenNode(): { net: TestNetwork; dir: string; mxFile: string; crLastLine: string } {
  const net = testNetwork(['MX', 'CR']);
  const dir = tempDir();
  const crDir = tempDir();
  const cr = net.replica('CR', new FileStore(crDir));
  const crEntries = [cr.submit(grant('CR', 1)), cr.submit(grant('CR', 2))];
  cr.close();
  const mx = net.replica('MX', new FileStore(dir));
  crEntries.forEach((e) => mx.ingest(e));
  [1, 2, 3, 4].forEach((n) => mx.submit(grant('MX', n)));
  mx.close();
  const crLines = readFileSync(join(crDir, 'chains', 'CR.jsonl'), 'utf8').split('\n');
  return { net, dir, mxFile: join(dir, 'chains', 'MX.jsonl'), crLastLine: crLines[1] as string };
}

function audit(net: TestNetwork, dir: string): AuditReport {
  return auditLedger(net.genesis, new FileStore(dir, { readOnly: true }).load());
}

/** The code a stored ledger is refused with, at audit and at start-up alike. */
function refusal(net: TestNetwork, dir: string): { audit: string; open: string } {
  const codeOf = (action: () => unknown): string => {
    try {
      const result = action() as AuditReport | { close(): void };
      if ('ok' in result) return result.ok ? 'VERIFIED' : (result.problems[0]?.code ?? 'FAILED');
      result.close();
      return 'OPENED';
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  };
  return { audit: codeOf(() => audit(net, dir)), open: codeOf(() => net.replica('MX', new FileStore(dir))) };
}

describe('ledger: regressions from the auditor\'s report (issue 11)', () => {
  it('1. a chain file whose final newline was flipped keeps its last entry: STORAGE_CORRUPT, nothing cut', () => {
    const { net, dir, mxFile } = writtenNode();
    const bytes = readFileSync(mxFile);
    bytes[bytes.length - 1] = 0x0b; // newline → vertical tab
    writeFileSync(mxFile, bytes);
    expect(refusal(net, dir)).toEqual({ audit: 'STORAGE_CORRUPT', open: 'STORAGE_CORRUPT' });
    expect(readFileSync(mxFile).length).toBe(bytes.length); // the node cut nothing
  });

  it('1. a complete last entry that only lacks its newline is kept, and the newline restored', () => {
    const { net, dir, mxFile } = writtenNode();
    const text = readFileSync(mxFile, 'utf8');
    writeFileSync(mxFile, text.slice(0, -1));
    expect(audit(net, dir).chains.find((c) => c.authority === 'MX')).toMatchObject({ stored: 4, verified: 4 });
    const mx = net.replica('MX', new FileStore(dir));
    expect(mx.height('MX')).toBe(4);
    mx.close();
    expect(readFileSync(mxFile, 'utf8')).toBe(text);
  });

  it('2. a duplicated line is STORAGE_CORRUPT, not an identical duplicate', () => {
    const { net, dir, mxFile } = writtenNode();
    const lines = readFileSync(mxFile, 'utf8').split('\n');
    lines.splice(3, 0, lines[2] as string);
    writeFileSync(mxFile, lines.join('\n'));
    expect(refusal(net, dir)).toEqual({ audit: 'STORAGE_CORRUPT', open: 'STORAGE_CORRUPT' });
    expect(() => new FileStore(dir, { readOnly: true }).load()).toThrow(/MX\.jsonl:4: holds MX#3 where MX#4 belongs/);
  });

  it('3. another chain\'s entry appended to MX.jsonl is STORAGE_CORRUPT, naming file and line', () => {
    const { net, dir, mxFile, crLastLine } = writtenNode();
    writeFileSync(mxFile, `${readFileSync(mxFile, 'utf8')}${crLastLine}\n`);
    expect(refusal(net, dir)).toEqual({ audit: 'STORAGE_CORRUPT', open: 'STORAGE_CORRUPT' });
    expect(() => new FileStore(dir, { readOnly: true }).load()).toThrow(/MX\.jsonl:5: holds CR#2 where MX#5 belongs/);
  });

  it('4. a signature re-spelled to decode to the same 64 bytes is MALFORMED_ENTRY, so it can never be fork evidence', () => {
    const net = testNetwork(['MX', 'CR']);
    const mx = net.replica('MX');
    const genuine = mx.submit(grant('MX', 1));
    const last = genuine.signature.at(-1) as string;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = [...alphabet].find((c) => c !== last && Buffer.from(genuine.signature.slice(0, -1) + c, 'base64url').equals(Buffer.from(genuine.signature, 'base64url')));
    expect(twin).toBeDefined();
    const respelled = { ...genuine, signature: genuine.signature.slice(0, -1) + (twin as string) };
    expect(() => parseEntryJson(JSON.stringify(respelled))).toThrow(expect.objectContaining({ code: 'MALFORMED_ENTRY' }));
    const cr = net.replica('CR');
    cr.ingest(genuine);
    expect(() => cr.ingest(respelled as Entry)).toThrow(expect.objectContaining({ code: 'BAD_SIGNATURE' }));
    expect(cr.evidence).toEqual([]);
    expect(() => parseEntryJson(JSON.stringify({ ...genuine, signature: `${genuine.signature}==` }))).toThrow(/signature/);
  });

  it('4. keys are canonical too: a re-spelled public key in a genesis or a key rotation is refused', () => {
    const net = testNetwork(['MX', 'CR']);
    const key = (net.keys.MX as SigningKey).publicKey;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = [...alphabet].find((c) => c !== key.at(-1) && Buffer.from(key.slice(0, -1) + c, 'base64url').equals(Buffer.from(key, 'base64url')));
    expect(twin).toBeDefined();
    const respelled = key.slice(0, -1) + (twin as string);
    const mx = net.replica('MX');
    expect(() => mx.submit({ kind: 'rotateKey', publicKey: respelled })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    const members = net.genesis.authorities.map((a) => (a.country === 'MX' ? { ...a, publicKey: respelled } : a));
    expect(() => parseGenesis({ ...net.genesis, authorities: members })).toThrow(/authorities\.\d\.publicKey/);
  });

  it('5. a chain cut at a line boundary is CHAIN_TRUNCATED once a kept checkpoint vouches for it', () => {
    const { net, dir, mxFile } = writtenNode();
    const mx = net.replica('MX', new FileStore(dir));
    mx.checkpoint();
    mx.close();
    const lines = readFileSync(mxFile, 'utf8').split('\n');
    writeFileSync(mxFile, `${lines.slice(0, 2).join('\n')}\n`);
    expect(refusal(net, dir)).toEqual({ audit: 'CHAIN_TRUNCATED', open: 'CHAIN_TRUNCATED' });
  });

  it('5. a deleted chain file is CHAIN_TRUNCATED', () => {
    const { net, dir, mxFile } = writtenNode();
    const mx = net.replica('MX', new FileStore(dir));
    mx.checkpoint();
    mx.close();
    rmSync(mxFile);
    expect(refusal(net, dir)).toEqual({ audit: 'CHAIN_TRUNCATED', open: 'CHAIN_TRUNCATED' });
  });

  it('6. planted fork evidence that does not verify is BAD_EVIDENCE, not evidence', () => {
    const { net, dir, mxFile } = writtenNode();
    const [first] = readFileSync(mxFile, 'utf8').split('\n').map((l) => (l ? parseEntryJson(l) : null));
    const existing = first as Entry;
    const crKey = net.keys.CR as SigningKey;
    const conflicting = sealEntry({ ...bodyOf(existing), timestamp: '2026-02-02T00:00:00.000Z', keyId: crKey.keyId }, crKey); // signed by the wrong authority
    writeFileSync(join(dir, 'evidence.jsonl'), `${JSON.stringify({ authority: 'MX', sequence: 1, existing, conflicting, detectedAt: '2026-02-02T00:00:00.000Z' })}\n`);
    const report = audit(net, dir);
    expect(report.forkEvidence).toBe(0);
    expect(report.problems).toEqual([expect.objectContaining({ code: 'BAD_EVIDENCE', authority: 'MX', sequence: 1 })]);
    expect(() => net.replica('MX', new FileStore(dir))).toThrow(/fork evidence/);
    expect(existsSync(join(dir, 'evidence.jsonl'))).toBe(true);
  });
});
