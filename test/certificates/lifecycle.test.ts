import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  certificateStatus, isLedgerError, sealEntry, type Command, type Entry, type LedgerErrorCode, type Replica,
} from '../../subgraphs/ledger/index.js';
import { testNetwork } from '../support/network.js';

const D1 = 'a'.repeat(64);
const D2 = 'b'.repeat(64);
const N = 'CR-PC-2026-000123';

/** CR, MX and PE replicas; `sync` hands every new entry to every other replica. */
function world() {
  const net = testNetwork(['CR', 'MX', 'PE']);
  const replicas: Record<'CR' | 'MX' | 'PE', Replica> = { CR: net.replica('CR'), MX: net.replica('MX'), PE: net.replica('PE') };
  const sync = () => {
    for (const from of Object.values(replicas)) {
      for (const to of Object.values(replicas)) {
        if (from === to) continue;
        for (const author of ['CR', 'MX', 'PE']) {
          for (let s = to.height(author) + 1; s <= from.height(author); s += 1) to.ingest(from.chain(author).at(s) as Entry);
        }
      }
    }
  };
  const run = (country: 'CR' | 'MX' | 'PE', command: Command) => {
    const entry = replicas[country].submit(command);
    sync();
    return entry;
  };
  const status = (number = N) => {
    const seen = Object.values(replicas).map((r) => { const rec = r.state.certificates.get(number); return rec ? certificateStatus(rec) : null; });
    expect(new Set(seen).size, `replicas disagree: ${seen.join(', ')}`).toBe(1);
    return seen[0];
  };
  return { net, replicas, run, status, sync };
}

function codeOf(run: () => unknown): LedgerErrorCode | 'accepted' {
  try {
    run();
    return 'accepted';
  } catch (error) {
    if (isLedgerError(error)) return error.code;
    throw error;
  }
}

const issue = (number = N, digest = D1, replaces: string | null = null): Command => ({ kind: 'issueCertificate', number, importer: 'MX', digest, replaces });

describe('ledger: certificate lifecycle', () => {
  it('issued by the exporter, then received, accepted and consumed by the importer; every replica agrees', () => {
    const w = world();
    w.run('CR', issue());
    expect(w.status()).toBe('ISSUED');
    w.run('MX', { kind: 'receiveCertificate', number: N, digest: D1 });
    expect(w.status()).toBe('RECEIVED');
    w.run('MX', { kind: 'acceptCertificate', number: N });
    expect(w.status()).toBe('ACCEPTED');
    w.run('MX', { kind: 'consumeCertificate', number: N, clearance: 'MX-DECL-2026-0001' });
    expect(w.status()).toBe('CONSUMED');
    const steps = w.replicas.PE.state.certificates.get(N)?.steps.map((s) => `${s.authority}:${s.kind}`);
    expect(steps).toEqual(['CR:ISSUED', 'MX:RECEIVED', 'MX:ACCEPTED', 'MX:CONSUMED']);
  });

  it('a replacement issues a new certificate and cancels the old one; withdrawal cancels without one', () => {
    const w = world();
    w.run('CR', issue());
    w.run('MX', { kind: 'receiveCertificate', number: N, digest: D1 });
    w.run('CR', issue('CR-PC-2026-000124', D2, N));
    expect([w.status(N), w.status('CR-PC-2026-000124')]).toEqual(['REPLACED', 'ISSUED']);
    w.run('CR', { kind: 'withdrawCertificate', number: 'CR-PC-2026-000124', reason: 'consignment not shipped' });
    expect(w.status('CR-PC-2026-000124')).toBe('WITHDRAWN');
  });

  it('an importer\'s steps and the exporter\'s arrive at a third replica in either order with the same result', () => {
    const w = world();
    const pe = w.net.replica('PE');
    w.run('CR', issue());
    w.run('MX', { kind: 'receiveCertificate', number: N, digest: D1 });
    w.run('MX', { kind: 'rejectCertificate', number: N, reason: 'live Dysmicoccus found' });
    for (let s = 1; s <= w.replicas.MX.height('MX'); s += 1) pe.ingest(w.replicas.MX.chain('MX').at(s) as Entry);
    expect(certificateStatus(pe.state.certificates.get(N) ?? { number: N, exporter: 'CR', issued: null, steps: [] })).toBeNull();
    for (let s = 1; s <= w.replicas.CR.height('CR'); s += 1) pe.ingest(w.replicas.CR.chain('CR').at(s) as Entry);
    expect(pe.state.certificates.get(N)).toEqual(w.replicas.CR.state.certificates.get(N));
    expect(w.status()).toBe('REJECTED');
  });
});

describe('ledger: certificate steps in time order', () => {
  it('orders steps by instant: a receipt signed an hour after the issue, with a -12:00 offset, comes after it', () => {
    const w = world();
    const issued = w.run('CR', issue());
    const mx = w.net.keys.MX as NonNullable<typeof w.net.keys.MX>;
    const later = `${new Date(Date.parse(issued.timestamp) + 3600_000 - 12 * 3600_000).toISOString().slice(0, 23)}-12:00`;
    const receipt = sealEntry({
      v: 1, network: issued.network, authority: 'MX', sequence: 1, type: 'CERT_RECEIVED', payload: { number: N, digest: D1 },
      privateDigest: null, previousHash: issued.network, timestamp: later, keyId: mx.keyId,
    }, mx);
    w.replicas.PE.ingest(receipt);
    expect(w.replicas.PE.state.certificates.get(N)?.steps.map((s) => [s.kind, s.at])).toEqual([['ISSUED', issued.timestamp], ['RECEIVED', later]]);
  });
});

describe('ledger: forbidden certificate transitions, each with its code', () => {
  type Step = readonly ['CR' | 'MX' | 'PE', Command];
  const receive: Command = { kind: 'receiveCertificate', number: N, digest: D1 };
  const accept: Command = { kind: 'acceptCertificate', number: N };
  const reject: Command = { kind: 'rejectCertificate', number: N, reason: 'pests found' };
  const consume: Command = { kind: 'consumeCertificate', number: N, clearance: 'MX-DECL-1' };
  const withdraw: Command = { kind: 'withdrawCertificate', number: N, reason: 'error in quantity' };
  const cases: readonly { name: string; before: readonly Step[]; step: Step; code: LedgerErrorCode }[] = [
    { name: 'MX issues a certificate numbered for CR', before: [], step: ['MX', { kind: 'issueCertificate', number: N, importer: 'PE', digest: D1 }], code: 'NOT_ISSUER' },
    { name: 'CR issues the same number twice', before: [['CR', issue()]], step: ['CR', issue(N, D2)], code: 'CERTIFICATE_EXISTS' },
    { name: 'CR addresses a certificate to itself', before: [], step: ['CR', { kind: 'issueCertificate', number: N, importer: 'CR', digest: D1 }], code: 'BAD_USER_INPUT' },
    { name: 'MX receives a certificate never issued', before: [], step: ['MX', receive], code: 'CERTIFICATE_NOT_FOUND' },
    { name: 'PE (a third authority) receives it', before: [['CR', issue()]], step: ['PE', receive], code: 'NOT_IMPORTER' },
    { name: 'CR (the exporter) accepts its own certificate', before: [['CR', issue()]], step: ['CR', accept], code: 'NOT_IMPORTER' },
    { name: 'MX receives content whose digest differs from the ledger', before: [['CR', issue()]], step: ['MX', { kind: 'receiveCertificate', number: N, digest: D2 }], code: 'DIGEST_MISMATCH' },
    { name: 'MX receives twice', before: [['CR', issue()], ['MX', receive]], step: ['MX', receive], code: 'INVALID_TRANSITION' },
    { name: 'MX accepts before receiving', before: [['CR', issue()]], step: ['MX', accept], code: 'INVALID_TRANSITION' },
    { name: 'MX consumes before accepting', before: [['CR', issue()], ['MX', receive]], step: ['MX', consume], code: 'INVALID_TRANSITION' },
    { name: 'MX accepts after rejecting', before: [['CR', issue()], ['MX', receive], ['MX', reject]], step: ['MX', accept], code: 'INVALID_TRANSITION' },
    { name: 'MX consumes a rejected certificate', before: [['CR', issue()], ['MX', receive], ['MX', reject]], step: ['MX', consume], code: 'INVALID_TRANSITION' },
    { name: 'MX consumes a second time (no reuse)', before: [['CR', issue()], ['MX', receive], ['MX', accept], ['MX', consume]], step: ['MX', { ...consume, clearance: 'MX-DECL-2' }], code: 'CERTIFICATE_CONSUMED' },
    { name: 'MX receives a withdrawn certificate', before: [['CR', issue()], ['CR', withdraw]], step: ['MX', receive], code: 'INVALID_TRANSITION' },
    { name: 'MX consumes a withdrawn certificate', before: [['CR', issue()], ['MX', receive], ['MX', accept], ['CR', withdraw]], step: ['MX', consume], code: 'INVALID_TRANSITION' },
    { name: 'MX accepts a replaced certificate', before: [['CR', issue()], ['MX', receive], ['CR', issue('CR-PC-2026-000124', D2, N)]], step: ['MX', accept], code: 'INVALID_TRANSITION' },
    { name: 'CR withdraws twice', before: [['CR', issue()], ['CR', withdraw]], step: ['CR', withdraw], code: 'INVALID_TRANSITION' },
    { name: 'CR withdraws a consumed certificate', before: [['CR', issue()], ['MX', receive], ['MX', accept], ['MX', consume]], step: ['CR', withdraw], code: 'INVALID_TRANSITION' },
    { name: 'CR replaces a withdrawn certificate', before: [['CR', issue()], ['CR', withdraw]], step: ['CR', issue('CR-PC-2026-000124', D2, N)], code: 'INVALID_TRANSITION' },
    { name: 'CR replaces a certificate it never issued', before: [], step: ['CR', issue('CR-PC-2026-000124', D2, 'CR-PC-2026-000999')], code: 'CERTIFICATE_NOT_FOUND' },
    { name: 'MX withdraws CR\'s certificate', before: [['CR', issue()]], step: ['MX', withdraw], code: 'NOT_ISSUER' },
  ];

  for (const c of cases) {
    it(`${c.name}: ${c.code}, and nothing is written`, () => {
      const w = world();
      for (const [country, command] of c.before) w.run(country, command);
      const [country, command] = c.step;
      const height = w.replicas[country].height(country);
      expect(codeOf(() => w.replicas[country].submit(command))).toBe(c.code);
      expect(w.replicas[country].height(country)).toBe(height);
    });
  }

  it('every replica refuses a second consumption signed by the importer (reuse is caught from its own chain)', () => {
    const w = world();
    for (const command of [receive, accept, consume]) {
      if (command === receive) w.run('CR', issue());
      w.run('MX', command);
    }
    const head = w.replicas.MX.chain('MX').head as Entry;
    const forged = sealEntry({
      v: 1, network: head.network, authority: 'MX', sequence: head.sequence + 1, type: 'CERT_CONSUMED',
      payload: { number: N, clearance: 'MX-DECL-2' }, privateDigest: null, previousHash: head.hash,
      timestamp: '2026-03-03T00:00:00.000Z', keyId: w.net.keys.MX?.keyId ?? '',
    }, w.net.keys.MX as NonNullable<typeof w.net.keys.MX>);
    expect(codeOf(() => w.replicas.PE.ingest(forged))).toBe('CERTIFICATE_CONSUMED');
    expect(codeOf(() => w.replicas.CR.ingest(forged))).toBe('CERTIFICATE_CONSUMED');
  });
});

describe('the README\'s certificate walk-through is a lifecycle the ledger accepts', () => {
  /** Each step of the README's ```graphql block under "Exchange phytosanitary certificates", as a ledger command at its authority. */
  const STEPS: Readonly<Record<string, ['CR' | 'MX', Command]>> = {
    issueCertificate: ['CR', issue()],
    receiveCertificate: ['MX', { kind: 'receiveCertificate', number: N, digest: D1 }],
    acceptCertificate: ['MX', { kind: 'acceptCertificate', number: N }],
    rejectCertificate: ['MX', { kind: 'rejectCertificate', number: N, reason: 'README' }],
    consumeCertificate: ['MX', { kind: 'consumeCertificate', number: N, clearance: 'MX-DECL-1' }],
  };

  it('regression: every mutation, in the README\'s order, is accepted and the certificate ends CONSUMED (consume came straight after receive: INVALID_TRANSITION)', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Exchange phytosanitary certificates'));
    const block = /```graphql\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const mutations = [...block.matchAll(/^mutation \{ (\w+)\(/gm)].map((m) => m[1] as string);
    expect(mutations[0]).toBe('issueCertificate');
    const w = world();
    for (const name of mutations) {
      const step = STEPS[name];
      if (!step) throw new Error(`README mutation ${name}: no ledger step in this spec`);
      expect(codeOf(() => w.run(step[0], step[1])), name).toBe('accepted');
    }
    expect(w.status()).toBe('CONSUMED');
  });
});
