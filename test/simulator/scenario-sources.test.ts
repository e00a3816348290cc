import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCertificateScenario, loadScenario, readScenarioText } from '../../simulator/index.js';
import { assumptions } from '../../simulator/report/index.js';
import { miniWorld, scenarioOf } from './mini-world.js';

const SCENARIOS = join(import.meta.dirname, '..', '..', 'simulator', 'scenarios');

describe('simulator scenarios: every figure names its source or says it is an assumption', () => {
  // Certificate-exchange scenarios have their own schema and spec (test/certificates/exchange-scenario.test.ts).
  for (const file of readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml') && !isCertificateScenario(readScenarioText(join(SCENARIOS, f))))) {
    it(`${file}: every numeric parameter has an explicit source or assumption, byte costs included`, () => {
      const table = assumptions(loadScenario(join(SCENARIOS, file)));
      expect(table.map((a) => a.parameter)).toEqual(expect.arrayContaining(['costs.pollBytes', 'hub.processingSeconds', 'ledger.pollSeconds', 'trade.paretoAlpha']));
      expect(table.filter((a) => a.source.includes('no source given')).map((a) => a.parameter)).toEqual([]);
      expect(table.find((a) => a.parameter === 'costs.pollBytes')?.assumed).toBe(true);
    });
  }

  it('a parameter left without a source is shown as an assumption, never as sourced', () => {
    const table = assumptions(scenarioOf(miniWorld()));
    expect(table.find((a) => a.parameter === 'network.loss')).toMatchObject({ assumed: true, source: 'assumption (no source given in the scenario)' });
  });
});
