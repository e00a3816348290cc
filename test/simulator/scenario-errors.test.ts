import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../simulator/index.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const CADENA = readFileSync(join(import.meta.dirname, '..', '..', 'simulator', 'scenarios', 'cadena-mx-cr.yaml'), 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('simulator: scenario files are validated with errors naming the key and line', () => {
  it('a wrong type names its key path and line', () => {
    const bad = CADENA.replace('declarationsPerDay: 1500', 'declarationsPerDay: lots');
    expect(() => parseScenario(bad, 'cadena.yaml')).toThrow(`cadena.yaml:${lineOf(bad, 'declarationsPerDay: lots')}: countries.CR.declarationsPerDay:`);
  });

  it('an unknown key is refused, naming it', () => {
    const bad = CADENA.replace('days: 365', 'days: 365\ndayz: 3');
    expect(() => parseScenario(bad, 's.yaml')).toThrow(/dayz/);
  });

  it('an unknown mechanism and broken YAML are reported with their line', () => {
    expect(() => parseScenario(CADENA.replace('mechanisms: [email-monthly,', 'mechanisms: [carrier-pigeon,'), 's.yaml')).toThrow(/s\.yaml:\d+: mechanisms\.0:/);
    expect(() => parseScenario('name: [unclosed\n', 's.yaml')).toThrow(/s\.yaml:\d+: invalid YAML/);
  });

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
});

