import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseCertificateScenario, planCertificateRun, readScenarioText, runCertificateSeed, SimulationError, type CertificateScenario,
} from '../../simulator/index.js';
import { assumptions } from '../../simulator/report/index.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const FILE = join(import.meta.dirname, '..', '..', 'simulator', 'scenarios', 'ephyto-exchange.yaml');
const TEXT = readScenarioText(FILE);
const scenario = (...sets: string[]): CertificateScenario => parseCertificateScenario(TEXT, FILE, sets);
/** Small and quick: a few authorities, a few days, no random faults unless asked. */
const small = (...sets: string[]) => scenario('days=4', 'authorities=4', 'faults.random={}', 'faults.outages=[]', ...sets);

describe('simulator: ephyto-exchange through mra-hub simulate', () => {
  it('the compiled CLI writes the report (title, then key message) and the data, the same bytes on one thread or several', () => {
    const out = join(tempDir(), 'ephyto');
    const { status, stdout, stderr } = runCli(['simulate', 'ephyto-exchange', '--set', 'days=4', '--set', 'authorities=4', '--seeds', '1,2', '--out', out]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('ephyto-exchange: 1 point(s) × 2 seed(s) × 3 mechanisms');
    const read = (f: string) => readFileSync(join(out, f), 'utf8');
    const json = JSON.parse(read('metrics.json')) as { keyMessage: string; kind: string; perSeed: { seed: number; metrics: Record<string, Record<string, number | null>> }[] };
    expect(json.kind).toBe('certificate-exchange');
    expect(json.perSeed.map((s) => s.seed)).toEqual([1, 2]);
    expect(json.keyMessage).toMatch(/^Among 4 authorities, the integrations to build and maintain are: Bilateral e-bridges 6 \(3 per authority\)/);
    const md = read('report.md').split('\n');
    expect(md[0]).toMatch(/^# Phytosanitary certificates/);
    expect(md[2]).toBe(`**${json.keyMessage}**`);
    const html = read('report.html');
    expect(html.indexOf('id="key-message"')).toBeLessThan(html.indexOf('<h2>'));
    expect(html).toContain('<svg');
    const csv = read('metrics.csv').trim().split('\n');
    expect(csv[0]).toBe('scenario,point,seed,mechanism,metric,value,unit,scenario_sha256,code_version');
    expect(csv.filter((l) => l.startsWith('ephyto-exchange,0,1,bilateral-bridges,integrations_network,6,count,'))).toHaveLength(1);
    expect(csv.filter((l) => l.startsWith('ephyto-exchange,0,2,shared-ledger,integrations_network,4,count,'))).toHaveLength(1);
    expect(read('summary.csv')).toContain('ephyto-exchange,0,shared-ledger,reuses_caught,count,2,');
    expect(read('events.jsonl').split('\n')[0]).toContain('"type":"provenance"');
    const single = join(tempDir(), 'one-thread');
    expect(runCli(['simulate', 'ephyto-exchange', '--set', 'days=4', '--set', 'authorities=4', '--seeds', '1,2', '--workers', '1', '--out', single]).status).toBe(0);
    for (const f of ['metrics.csv', 'summary.csv', 'events.jsonl', 'report.md', 'report.html']) expect(readFileSync(join(single, f), 'utf8')).toBe(read(f));
    const compared = runCli(['report', out, out, '--out', join(tempDir(), 'compare.html')]);
    expect(compared.status).toBe(2);
    expect(compared.stderr).toContain('is a certificate-exchange run: its report.html and summary.csv compare the mechanisms');
  });

  it('--sweep authorities=2,3,5 shows in the data and the report how integrations grow with N', () => {
    const out = join(tempDir(), 'sweep');
    const { status, stderr } = runCli(['simulate', 'ephyto-exchange', '--set', 'days=2', '--set', 'faults.outages=[]', '--sweep', 'authorities=2,3,5', '--out', out]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const rows = readFileSync(join(out, 'summary.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    expect(rows[0]?.slice(0, 4)).toEqual(['scenario', 'point', 'param:authorities', 'mechanism']);
    const network = (m: string) => rows.filter((r) => r[3] === m && r[4] === 'integrations_network').map((r) => [Number(r[2]), Number(r[7])]);
    expect(network('bilateral-bridges')).toEqual([[2, 1], [3, 3], [5, 10]]);
    expect(network('central-hub')).toEqual([[2, 2], [3, 3], [5, 5]]);
    expect(network('shared-ledger')).toEqual([[2, 2], [3, 3], [5, 5]]);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Integrations in the whole network as authorities varies');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/## Sweep\n/);
  });

  it('regression: the report\'s title and description state the run\'s own number of authorities and days (the README\'s --set authorities=12 gave a title of 8 under a key message of 12)', () => {
    const out = join(tempDir(), 'twelve');
    const { status, stderr } = runCli(['simulate', 'ephyto-exchange', '--set', 'authorities=12', '--set', 'days=2', '--set', 'faults.outages=[]', '--out', out]);
    expect([status, stderr]).toEqual([0, '']);
    const title = 'Phytosanitary certificates between 12 authorities: bridges, a hub or a shared ledger';
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain(`<title>${title} — mra-hub simulation</title>`);
    expect(html).toContain(`<h1>${title}</h1>`);
    expect(html).toMatch(/<p class="key" id="key-message">Among 12 authorities, /);
    expect(html).toMatch(/<p class="meta">12 plant-protection authorities exchange electronic phytosanitary certificates for 2 days, /);
    expect(readFileSync(join(out, 'report.md'), 'utf8').split('\n')[0]).toBe(`# ${title}`);
    expect((JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as { title: string }).title).toBe(title);
  });

  it('a scenario\'s title and description take {parameter} placeholders, filled at each sweep point; one naming no parameter is refused at its line', () => {
    expect(scenario().title).toBe('Phytosanitary certificates between 8 authorities: bridges, a hub or a shared ledger');
    expect(scenario().description).toMatch(/^8 plant-protection authorities exchange electronic phytosanitary certificates for 14 days, /);
    const { points } = planCertificateRun(TEXT, FILE, ['days=2'], ['authorities=3,5']);
    expect(points.map((p) => [p.params.authorities, p.scenario.title, p.scenario.description.split(',')[0]])).toEqual([
      [3, 'Phytosanitary certificates between 3 authorities: bridges, a hub or a shared ledger', '3 plant-protection authorities exchange electronic phytosanitary certificates for 2 days'],
      [5, 'Phytosanitary certificates between 5 authorities: bridges, a hub or a shared ledger', '5 plant-protection authorities exchange electronic phytosanitary certificates for 2 days'],
    ]);
    const line = TEXT.split('\n').findIndex((l) => l.startsWith('title:')) + 1;
    expect(() => parseCertificateScenario(TEXT.replace('between {authorities}', 'between {authoritees}'), FILE))
      .toThrow(`${FILE}:${line}: title: {authoritees} names no parameter of this scenario (a number or [min, max] pair, e.g. {days})`);
  });

  it('every parameter of the shipped scenario names its source or says it is an assumption', () => {
    const table = assumptions(scenario());
    expect(table.map((a) => a.parameter)).toEqual(expect.arrayContaining(['certificatesPerAuthorityDay', 'hub.alteredCopyCaughtShare', 'hub.reuseCaughtShare', 'faults.random.hub.perYear']));
    expect(table.filter((a) => a.source.includes('no source given')).map((a) => a.parameter)).toEqual([]);
    expect(table.filter((a) => !a.assumed).map((a) => a.parameter)).toEqual(['certificatesPerAuthorityDay']);
  });

  it('a bad scenario is refused with file, line and key; a sweep is refused with the reason', () => {
    expect(() => parseCertificateScenario(TEXT.replace('hub: { transferSeconds', 'hub: { trasferSeconds'), FILE)).toThrow(/ephyto-exchange\.yaml:\d+: hub\.trasferSeconds: unknown key/);
    expect(() => parseCertificateScenario(TEXT.replace('target: hub,', 'target: XX,'), FILE)).toThrow(/faults\.outages\.0\.target: XX is not hub/);
    expect(() => scenario('authorities=1')).toThrow(SimulationError);
    const big = runCli(['simulate', 'ephyto-exchange', '--set', 'authorities=40', '--set', 'days=366', '--out', join(tempDir(), 'big')]);
    expect(big.status).toBe(2);
    expect(big.stderr).toMatch(/costs about 65,587,200 ledger verifications per seed, over the budget of 2,000,000/);
    const { status, stderr } = runCli(['simulate', 'ephyto-exchange', '--lhs', 'authorities=2..4', '--out', join(tempDir(), 'x')]);
    expect(status).toBe(2);
    expect(stderr).toContain('--lhs: not available for a certificate-exchange scenario');
    expect(() => planCertificateRun(TEXT, FILE, [], ['reuseCaughtShare=0,1'])).toThrow(/--sweep reuseCaughtShare: ambiguous, say which: bridges\.reuseCaughtShare, hub\.reuseCaughtShare/);
    expect(() => planCertificateRun(TEXT, FILE, [], ['authorities=2,99'])).toThrow(/--set authorities=99: authorities: /);
  });
});

describe('simulator: ephyto-exchange metrics', () => {
  it('bridges grow as N(N−1)/2 in all and N−1 per authority; a hub and the ledger grow with N, one each', () => {
    for (const n of [2, 3, 5, 8]) {
      const m = runCertificateSeed(small(`authorities=${n}`, 'days=2', 'certificatesPerAuthorityDay=40', 'fraud.alteredCopiesPerDay=0', 'fraud.reusesPerDay=0'), 7).metrics;
      expect([m['bilateral-bridges']?.integrations_network, m['bilateral-bridges']?.integrations_per_authority]).toEqual([(n * (n - 1)) / 2, n - 1]);
      expect([m['central-hub']?.integrations_network, m['central-hub']?.integrations_per_authority]).toEqual([n, 1]);
      expect([m['shared-ledger']?.integrations_network, m['shared-ledger']?.integrations_per_authority]).toEqual([n, 1]);
    }
  });

  it('a hub outage holds up certificates on the hub, not on the ledger or the bridges', () => {
    const m = runCertificateSeed(small('faults.outages=[{target: hub, fromDay: 1, hours: 24}]'), 3).metrics;
    const hub = m['central-hub'];
    const ledger = m['shared-ledger'];
    expect(hub?.delayed_by_hub_outage).toBeGreaterThan(50);
    expect(hub?.delayed_by_outage).toBe(hub?.delayed_by_hub_outage);
    expect(hub?.delivery_max_s).toBeGreaterThan(20 * 3600);
    expect([ledger?.delayed_by_hub_outage, ledger?.delayed_by_outage, m['bilateral-bridges']?.delayed_by_hub_outage]).toEqual([0, 0, 0]);
    expect(ledger?.delivery_max_s).toBeLessThan(60);
  });

  it('an outage of the issuer\'s own system holds up its certificates on every mechanism alike', () => {
    const m = runCertificateSeed(small('faults.outages=[{target: CR, fromDay: 1, hours: 24}]'), 3).metrics;
    const delayed = ['bilateral-bridges', 'central-hub', 'shared-ledger'].map((k) => m[k]?.delayed_by_outage);
    expect(delayed[0]).toBeGreaterThan(10);
    expect(new Set(delayed).size).toBe(1);
  });

  it('on the ledger every altered, forged or reused certificate is caught by the real ledger; elsewhere only the assumed share', () => {
    const run = runCertificateSeed(small('fraud.alteredCopiesPerDay=6', 'fraud.reusesPerDay=6', 'hub.reuseCaughtShare=0', 'hub.alteredCopyCaughtShare=0'), 11);
    const ledger = run.metrics['shared-ledger'];
    expect(ledger?.reuses_attempted).toBeGreaterThan(5);
    expect(ledger?.reuses_caught).toBe(ledger?.reuses_attempted);
    expect(ledger?.forgeries_attempted).toBeGreaterThan(10);
    expect(ledger?.forgeries_caught).toBe(ledger?.forgeries_attempted);
    expect([run.metrics['central-hub']?.reuses_caught, run.metrics['central-hub']?.forgeries_caught]).toEqual([0, 0]);
    const verdicts = new Set(run.events.filter((e) => e.mechanism === 'shared-ledger' && typeof e.how === 'string').map((e) => `${e.type}:${String(e.how)}`));
    expect([...verdicts].sort()).toEqual(['altered-copy:ALTERED', 'forged-copy:UNKNOWN', 'reuse:CERTIFICATE_CONSUMED']);
  });

  it('with the importer\'s own system down, no mechanism catches anything (equal terms)', () => {
    const down = ['CR', 'MX', 'PE', 'CO'].map((c) => `{target: ${c}, fromDay: 0, hours: 96}`).join(', ');
    const m = runCertificateSeed(small(`faults.outages=[${down}]`, 'fraud.alteredCopiesPerDay=6', 'hub.alteredCopyCaughtShare=1', 'bridges.alteredCopyCaughtShare=1'), 11).metrics;
    for (const mechanism of ['bilateral-bridges', 'central-hub', 'shared-ledger']) {
      expect(m[mechanism]?.forgeries_attempted).toBeGreaterThan(10);
      expect(m[mechanism]?.forgeries_caught).toBe(0);
    }
  });

  it('every ledger step is a signed entry that every other replica verified, and a replay is identical', () => {
    const s = small('fraud.alteredCopiesPerDay=0', 'fraud.reusesPerDay=0', 'clearanceHours=[1, 2]');
    const a = runCertificateSeed(s, 5);
    const m = a.metrics['shared-ledger'];
    const certificates = m?.certificates ?? 0;
    expect(m?.ledger_entries_signed).toBeGreaterThan(3 * certificates);
    expect(m?.ledger_entries_signed).toBeLessThanOrEqual(4 * certificates);
    expect(m?.ledger_entries_verified).toBe((m?.ledger_entries_signed ?? 0) * 3);
    expect(runCertificateSeed(s, 5)).toEqual(a);
  });
});
