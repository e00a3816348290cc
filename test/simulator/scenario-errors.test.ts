import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, planSimulation, SimulationError, simulate } from '../../simulator/index.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const FILE = join(import.meta.dirname, '..', '..', 'simulator', 'scenarios', 'cadena-mx-cr.yaml');
const CADENA = readFileSync(FILE, 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const problemsOf = (text: string): readonly string[] => {
  try {
    parseScenario(text, 's.yaml');
  } catch (error) {
    if (error instanceof SimulationError) return error.problems;
    throw error;
  }
  return [];
};

describe('simulator input: scenario files are checked with file, line and the exact key', () => {
  it('a wrong type names its key path and line', () => {
    const bad = CADENA.replace('declarationsPerDay: 1500', 'declarationsPerDay: lots');
    expect(() => parseScenario(bad, 'cadena.yaml')).toThrow(`cadena.yaml:${lineOf(bad, 'declarationsPerDay: lots')}: countries.CR.declarationsPerDay:`);
  });

  it('a misspelled nested key is named itself, on its own line, not its parent', () => {
    const bad = CADENA.replace('ledger: { blockSeconds: 2, pollSeconds: 15,', 'ledger: { blockSeconds: 2, polSeconds: 15,');
    expect(problemsOf(bad)).toContain(`s.yaml:${lineOf(bad, 'polSeconds')}: ledger.polSeconds: unknown key`);
  });

  it('every problem is reported at once, in line order', () => {
    const bad = CADENA.replace('days: 365', 'days: 365\ndayz: 3').replace('declarationsPerDay: 1500', 'declarationsPerDay: lots').replace('mechanisms: [email-monthly,', 'mechanisms: [carrier-pigeon,');
    const problems = problemsOf(bad);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^s\.yaml:\d+: dayz: unknown key/);
    expect(problems[1]).toMatch(/countries\.CR\.declarationsPerDay/);
    expect(problems[2]).toMatch(/mechanisms\.0/);
  });

  it('names that must refer to countries, days inside the run, two different countries in a partition', () => {
    const bad = CADENA
      .replace('- { id: cadena-mx-cr, parties: [MX, CR], signedDay: 0 }', '- { id: cadena-mx-cr, parties: [MX, PE], signedDay: 400 }')
      .replace('mechanisms: [', 'faults:\n  outages: [{ target: HUBB, fromDay: 3, hours: 2 }]\n  partitions: [{ between: [CR, CR], fromDay: 500, hours: 2 }]\nmechanisms: [');
    const problems = problemsOf(bad).join('\n');
    const mras = lineOf(bad, 'parties: [MX, PE]');
    expect(problems).toContain(`s.yaml:${mras}: mras.0.parties.1: MRA party PE is not in countries (one of MX, CR)`);
    expect(problems).toContain(`s.yaml:${mras}: mras.0.signedDay: signedDay 400 is past the scenario's end`);
    expect(problems).toContain(`s.yaml:${lineOf(bad, 'HUBB')}: faults.outages.0.target: fault target HUBB is not a country`);
    expect(problems).toContain('faults.partitions.0.between: a partition needs two different countries, got [CR, CR]');
    expect(problems).toContain('faults.partitions.0.fromDay: fromDay 500 is past the scenario\'s end');
  });

  it('a source for a parameter that does not exist is refused (a typo would hide an unsourced figure)', () => {
    expect(problemsOf(CADENA.replace('  ledger.bridgeSeconds:', '  ledger.bridgeSecs:')).join()).toMatch(/sources\.ledger\.bridgeSecs: no parameter ledger\.bridgeSecs/);
  });

  it('a title or description with a {parameter} placeholder states the run\'s value, --set included; a placeholder naming no parameter is refused at its line', () => {
    const text = CADENA.replace(/^title: .*$/m, 'title: "CADENA over {days} days, {countries.MX.aeos.IMPORTER_EXPORTER} Mexican importers"');
    expect(parseScenario(text, 's.yaml').title).toBe('CADENA over 365 days, 639 Mexican importers');
    expect(parseScenario(text, 's.yaml', [{ path: 'days', value: 30 }]).title).toBe('CADENA over 30 days, 639 Mexican importers');
    const bad = text.replace('{days}', '{dayz}');
    expect(problemsOf(bad)).toEqual([`s.yaml:${lineOf(bad, '{dayz}')}: title: {dayz} names no parameter of this scenario (a number or [min, max] pair, e.g. {days})`]);
  });

  it('--set is checked like the file, and its errors name the --set', () => {
    expect(() => planSimulation({ file: FILE, sets: ['pollSeconds=-5'], sweeps: [], lhs: [], seeds: '1' })).toThrow(/--set ledger\.pollSeconds=-5: ledger\.pollSeconds:/);
    expect(() => planSimulation({ file: FILE, sets: ['polSeconds=5'], sweeps: [], lhs: [], seeds: '1' })).toThrow(/--set polSeconds: no such parameter/);
    expect(() => planSimulation({ file: FILE, sets: [], sweeps: ['loss=0,2'], lhs: [], seeds: '1' })).toThrow(/--sweep network\.loss=2: network\.loss/);
  });

  it('sizes are checked against a stated budget before any work', async () => {
    const dir = tempDir();
    const { scenario } = planSimulation({ file: FILE, sets: ['countries.MX.declarationsPerDay=900000000'], sweeps: [], lhs: [], seeds: '1' });
    await expect(simulate(scenario, { seeds: [1], out: join(dir, 'run') })).rejects.toThrow(/simulated events per seed, over the budget of 100,000,000 .*--max-events/);
    expect(existsSync(join(dir, 'run'))).toBe(false);
  });
});

describe('simulator input: the command line refuses bad input with one clear message, before any work', () => {
  it('mra-hub simulate finds shipped scenarios by name and exits 2 on a bad file, writing nothing', () => {
    const dir = tempDir();
    const ok = runCli(['simulate', 'cadena-mx-cr', '--seed', '1', '--out', join(dir, 'run')]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/report\.html/);
    const badFile = join(dir, 'bad.yaml');
    writeFileSync(badFile, CADENA.replace('days: 365', 'days: -1'));
    const bad = runCli(['simulate', badFile, '--out', join(dir, 'bad-run')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.yaml:\d+: days:/);
    expect(existsSync(join(dir, 'bad-run'))).toBe(false);
    expect(runCli(['simulate', 'cadena-mx-cr', '--seeds', '5..1']).stderr).toMatch(/--seeds/);
  });

  it('a directory as scenario, an existing file as --out and an empty --seed are errors, not stack traces', () => {
    const dir = tempDir();
    const file = join(dir, 'taken.txt');
    writeFileSync(file, 'mine');
    const folder = runCli(['simulate', dir]);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toMatch(/is a directory, not a scenario file/);
    const out = runCli(['simulate', 'cadena-mx-cr', '--out', file]);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/--out .*taken\.txt is an existing file/);
    expect(out.stdout).not.toMatch(/run\(s\)/);
    expect(readFileSync(file, 'utf8')).toBe('mine');
    const empty = runCli(['simulate', 'cadena-mx-cr', '--seed', '']);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/--seed "": give a whole number/);
    for (const r of [folder, out, empty]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('regression: a bad --seed is reported as --seed, in AEO and certificate scenarios alike (it said --seeds, an option the user had not typed)', () => {
    for (const scenario of ['cadena-mx-cr', 'ephyto-exchange']) {
      for (const [option, value] of [['--seed', ''], ['--seed', 'abc'], ['--seeds', 'abc']] as const) {
        const result = runCli(['simulate', scenario, option, value, '--out', join(tempDir(), 'run')]);
        expect([result.status, result.stderr], `${scenario} ${option} ${value}`).toEqual([2, `mra-hub: ${option} ${JSON.stringify(value)}: give a whole number, a range like 1..20 or a list like 1,2,3\n`]);
      }
    }
  });

  it('outputs are written to a temporary folder and renamed: no half-written run, and never over someone else\'s folder', () => {
    const dir = tempDir();
    const run = join(dir, 'runs', 'a');
    expect(runCli(['simulate', 'cadena-mx-cr', '--set', 'days=30', '--out', run]).status).toBe(0);
    expect(runCli(['simulate', 'cadena-mx-cr', '--set', 'days=31', '--out', run]).status).toBe(0);
    expect(readFileSync(join(run, 'report.md'), 'utf8')).toMatch(/31 days/);
    expect(readdirSync(dirname(run))).toEqual(['a']);
    const foreign = join(dir, 'notes');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'thesis.tex'), 'keep me');
    const refused = runCli(['simulate', 'cadena-mx-cr', '--set', 'days=30', '--out', foreign]);
    expect(refused.stderr).toMatch(/holds other files/);
    expect(readFileSync(join(foreign, 'thesis.tex'), 'utf8')).toBe('keep me');
  });

  it('regression: a folder of someone else\'s that happens to hold a metrics.json is not replaced (it was deleted whole: any metrics.json passed for a run\'s)', () => {
    const foreign = join(tempDir(), 'training');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'metrics.json'), '{"loss": 0.12}\n');
    writeFileSync(join(foreign, 'train.py'), 'keep me');
    const refused = runCli(['simulate', 'cadena-mx-cr', '--set', 'days=30', '--out', foreign]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--out .*training is a folder that holds other files \(no metrics\.json of an mra-hub run\); refusing to replace it/);
    expect(readdirSync(foreign).sort()).toEqual(['metrics.json', 'train.py']);
    expect(readFileSync(join(foreign, 'train.py'), 'utf8')).toBe('keep me');
  });
});
