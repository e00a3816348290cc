import { DAY } from './faults.js';
import { Rng } from './random.js';
import type { StatusTimeline } from './status-timeline.js';
import type { World } from './world.js';

/**
 * One forgery by a dishonest authority, at a moment during the year: it claims that another
 * authority's AEO is ACTIVE (if it is suspended or revoked at home: exposure) or SUSPENDED (if it
 * is active: benefits wrongly withdrawn), and sends that claim to every other partner.
 */
export interface ForgeryAttempt {
  readonly n: number;
  readonly at: number;
  readonly tamperer: string;
  readonly aeoId: string;
  readonly victim: string;
  readonly claim: 'ACTIVE' | 'SUSPENDED';
  /** Partners told (not the tamperer, not the AEO's own authority). */
  readonly receivers: readonly string[];
}

/** The same forgeries for every mechanism of a seed: times spread uniformly from `fromDay` to the end. */
export function planForgeries(world: World, truth: StatusTimeline): ForgeryAttempt[] {
  const out: ForgeryAttempt[] = [];
  world.scenario.faults.tampering.forEach((spec, i) => {
    const rng = new Rng(world.seed, 'forgeries', i);
    const victims = world.operators.filter((op) => op.country !== spec.country);
    if (victims.length === 0) return;
    const times = Array.from({ length: spec.attempts }, () => spec.fromDay * DAY + rng.next() * (world.horizon - spec.fromDay * DAY)).sort((a, b) => a - b);
    times.forEach((at) => {
      const victim = rng.pick(victims);
      const claim = truth.statusAt('*', victim.aeoId, at) === 'ACTIVE' ? 'SUSPENDED' : 'ACTIVE';
      const receivers = [...world.byCountry.keys()].filter((c) => c !== spec.country && c !== victim.country);
      out.push({ n: out.length, at, tamperer: spec.country, aeoId: victim.aeoId, victim: victim.country, claim, receivers });
    });
  });
  return out.sort((a, b) => a.at - b.at || a.n - b.n);
}
