import { SimulationError } from './errors.js';
import type { Scenario } from './scenario-schema.js';

/** The default budget: simulated events per seed (×8 CADENA is about 80 M: some 30 s and 450 MB on a busy 2-core machine). */
export const DEFAULT_MAX_EVENTS = 100_000_000;

/**
 * Simulated events one seed will cost, estimated before any work: every declaration drawn, each
 * partner-AEO declaration checked under every mechanism, each status change delivered to each
 * partner by every mechanism.
 */
export function estimateEvents(s: Scenario): number {
  const countries = Object.values(s.countries);
  const drawn = s.days * countries.reduce((sum, c) => sum + c.declarationsPerDay, 0);
  const checked = s.days * countries.reduce((sum, c) => sum + c.declarationsPerDay * c.partnerAeoShare, 0);
  const aeos = countries.reduce((sum, c) => sum + Object.values(c.aeos).reduce((a, b) => a + (b ?? 0), 0), 0);
  const changes = aeos * (s.statusChanges.suspensionsPerAeoYear * 2 + s.statusChanges.revocationsPerAeoYear) * (s.days / 365);
  return Math.round(drawn + checked * s.mechanisms.length + changes * (countries.length - 1) * s.mechanisms.length + aeos);
}

/** Refuses, before any work, a run whose size is over the stated budget (`--max-events`). */
export function checkBudget(scenarios: readonly Scenario[], maxEvents: number): void {
  const worst = Math.max(...scenarios.map(estimateEvents));
  if (worst > maxEvents) {
    throw new SimulationError(
      `this scenario costs about ${worst.toLocaleString('en-US')} simulated events per seed, over the budget of ${maxEvents.toLocaleString('en-US')} `
        + '(days × declarationsPerDay drive it); shrink it, or raise --max-events if the machine has the time and memory',
      'BUDGET_EXCEEDED',
    );
  }
}
