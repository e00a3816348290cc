import { Rng } from './random.js';
import type { Scenario } from './scenario-schema.js';

export const DAY = 86_400;
export const HOUR = 3_600;

export interface FaultWindow {
  readonly from: number;
  readonly to: number;
}

/** An outage of a node, the hub or the bridge; or two countries cut off from each other. */
export type FaultEvent =
  | { readonly kind: 'outage'; readonly target: string; readonly window: FaultWindow; readonly random: boolean }
  | { readonly kind: 'partition'; readonly between: readonly [string, string]; readonly window: FaultWindow; readonly random: boolean };

/**
 * Fixed windows from the scenario plus random ones drawn from the seed: arrivals at `perYear`
 * (a Poisson process), each lasting an exponential time of mean `meanRepairHours`.
 */
export function faultEvents(scenario: Scenario, seed: number): FaultEvent[] {
  const horizon = scenario.days * DAY;
  const events: FaultEvent[] = [
    ...scenario.faults.outages.map((o) => ({ kind: 'outage' as const, target: o.target, window: windowOf(o.fromDay, o.hours), random: false })),
    ...scenario.faults.partitions.map((p) => ({ kind: 'partition' as const, between: p.between, window: windowOf(p.fromDay, p.hours), random: false })),
  ];
  const arrivals = (spec: { perYear: number; meanRepairHours: number }, label: string): FaultWindow[] => {
    const rng = new Rng(seed, 'random-faults', label);
    const out: FaultWindow[] = [];
    const rate = spec.perYear / (365 * DAY);
    for (let t = rng.exponential(rate); t < horizon;) {
      const window = { from: t, to: t + rng.exponential(1 / (spec.meanRepairHours * HOUR)) };
      out.push(window);
      t = window.to + rng.exponential(rate); // the next fault arrives after this one is repaired
    }
    return out;
  };
  scenario.faults.randomOutages.forEach((o, i) => arrivals(o, `outage:${i}:${o.target}`).forEach((window) => events.push({ kind: 'outage', target: o.target, window, random: true })));
  scenario.faults.randomPartitions.forEach((p, i) => arrivals(p, `partition:${i}`).forEach((window) => events.push({ kind: 'partition', between: p.between, window, random: true })));
  return events.sort((a, b) => a.window.from - b.window.from);
}

const windowOf = (fromDay: number, hours: number): FaultWindow => ({ from: fromDay * DAY, to: fromDay * DAY + hours * HOUR });

/** Outage and partition windows of one seeded run, in seconds since its start. */
export class Faults {
  readonly #outages = new Map<string, FaultWindow[]>();
  readonly #partitions: { pair: ReadonlySet<string>; window: FaultWindow }[] = [];
  readonly events: readonly FaultEvent[];
  readonly windows: readonly FaultWindow[];

  constructor(scenario: Scenario, seed: number) {
    this.events = faultEvents(scenario, seed);
    for (const e of this.events) {
      if (e.kind === 'outage') this.#outages.set(e.target, [...(this.#outages.get(e.target) ?? []), e.window]);
      else this.#partitions.push({ pair: new Set(e.between), window: e.window });
    }
    this.windows = this.events.map((e) => e.window);
  }

  /** Whether a node, the hub or the bridge is down at time t. */
  isDown(target: string, t: number): boolean {
    return (this.#outages.get(target) ?? []).some((w) => t >= w.from && t < w.to);
  }

  /** The first moment at or after t when `target` is up (overlapping windows chained). */
  nextUp(target: string, t: number): number {
    let time = t;
    for (let guard = 0; guard < 100_000 && this.isDown(target, time); guard++) {
      time = Math.max(...(this.#outages.get(target) ?? []).filter((w) => time >= w.from && time < w.to).map((w) => w.to));
    }
    return time;
  }

  partitioned(a: string, b: string, t: number): boolean {
    return this.#partitions.some((p) => p.pair.has(a) && p.pair.has(b) && t >= p.window.from && t < p.window.to);
  }

  /** Whether t falls inside any outage or partition. */
  duringFault(t: number): boolean {
    return this.windows.some((w) => t >= w.from && t < w.to);
  }

  /** Every time at which some fault starts or ends (where the ledger's quorum may change). */
  boundaries(): number[] {
    return [...new Set(this.windows.flatMap((w) => [w.from, w.to]))].sort((a, b) => a - b);
  }
}
