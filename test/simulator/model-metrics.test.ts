import { describe, expect, it } from 'vitest';
import { kmQuantile } from '../../simulator/index.js';
import { delaysOf, miniWorld, runMini, scenarioOf } from './mini-world.js';

describe('simulator metrics: delays count the changes that never arrive', () => {
  it('a hub down for the last two thirds of the run has no median delay: most changes never arrived', async () => {
    const world = { ...miniWorld(), mechanisms: ['hub'], faults: { outages: [{ target: 'hub', fromDay: 20, hours: 24 * 40 }] } };
    const m = (await runMini(world, 7)).metrics.hub;
    expect(m?.delivered_share as number).toBeLessThan(0.5);
    expect(m?.propagation_p50_s).toBeNull();
    expect(m?.propagation_p95_s).toBeNull();
  });

  it('the e-mail 95th percentile counts undelivered changes as censored: above that of the delivered alone', async () => {
    const world = { ...miniWorld(), days: 45, mechanisms: ['email-monthly'] };
    world.statusChanges = { ...world.statusChanges, suspensionsPerAeoYear: 3 };
    const { metrics, events } = await runMini(world, 7);
    const delivered = delaysOf(events, 'email-monthly').sort((a, b) => a - b);
    const naive = delivered[Math.ceil(0.95 * delivered.length) - 1] as number;
    expect(metrics['email-monthly']?.undelivered_changes as number).toBeGreaterThan(0);
    expect(metrics['email-monthly']?.propagation_p95_s as number).toBeGreaterThan(naive);
  });

  it('Kaplan–Meier: a censored change stays at risk until its follow-up ends', () => {
    const delivered = [1, 2, 3, 4].map((time) => ({ time, delivered: true }));
    expect(kmQuantile(delivered, 0.5)).toBe(2);
    // Four more still waiting after 10 s: half of all changes are not delivered by 4 s.
    const censored = [...delivered, ...[10, 10, 10, 10].map((time) => ({ time, delivered: false }))];
    expect(kmQuantile(censored, 0.5)).toBe(4);
    expect(kmQuantile(censored, 0.95)).toBeNull();
    // Censored early (short follow-up), they leave the risk set and move the estimate less.
    const early = [...delivered, { time: 0.5, delivered: false }];
    expect(kmQuantile(early, 0.5)).toBe(2);
  });
});

describe('simulator metrics: inspections are simulated per declaration', () => {
  it('benefits wrongly given to suspended operators are not counted as inspections avoided', async () => {
    const world = { ...miniWorld(), mechanisms: ['email-monthly', 'shared-ledger'] };
    world.statusChanges = { suspensionsPerAeoYear: 6, reinstatedShare: 0, reinstatedAfterDays: [60, 60], revocationsPerAeoYear: 0 };
    const { metrics } = await runMini(world, 2);
    const [email, ledger] = [metrics['email-monthly'], metrics['shared-ledger']];
    expect(email?.exposure_declarations as number).toBeGreaterThan(ledger?.exposure_declarations as number);
    expect(Number.isInteger(email?.inspections_avoided)).toBe(true);
    expect(email?.inspections_avoided as number).toBeLessThanOrEqual(ledger?.inspections_avoided as number);
    expect(email?.inspections_skipped_by_suspended as number).toBeGreaterThan(0);
  });

  it('an AEO inspection rate above the non-AEO rate is refused: AEO status would add inspections', () => {
    const world = miniWorld();
    world.inspection = { aeoRate: 0.2, nonAeoRate: 0.1, inspectedMinutes: 120, clearedMinutes: 8 };
    expect(() => scenarioOf(world)).toThrow(/inspection\.aeoRate: aeoRate 0\.2 is above nonAeoRate 0\.1/);
  });
});

describe('simulator metrics: availability is the share of partner look-ups answered', () => {
  it('while Costa Rica\'s system is down its look-ups go unanswered, whatever the mechanism', async () => {
    const world = { ...miniWorld(), faults: { outages: [{ target: 'CR', fromDay: 10, hours: 24 * 20 }] } };
    world.statusChanges = { suspensionsPerAeoYear: 0, reinstatedShare: 0, reinstatedAfterDays: [1, 1], revocationsPerAeoYear: 0 };
    const { metrics } = await runMini(world, 3);
    for (const m of ['email-monthly', 'batch-daily', 'hub', 'shared-ledger']) {
      const availability = metrics[m]?.availability_during_faults as number;
      // CR lodges about half the partner-AEO declarations (1000 × 0.1 vs 2000 × 0.05 a day).
      expect(availability).toBeGreaterThan(0.3);
      expect(availability).toBeLessThan(0.7);
      expect(metrics[m]?.benefits_missed as number).toBeGreaterThan(0);
    }
  });
});
