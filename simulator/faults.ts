import type { Scenario } from './scenario-schema.js';

export const DAY = 86_400;
export const HOUR = 3_600;

interface Window {
  readonly from: number;
  readonly to: number;
}

/** Outage and partition windows of a scenario, in seconds since its start. */
export class Faults {
  readonly #outages = new Map<string, Window[]>();
  readonly #partitions: { pair: ReadonlySet<string>; window: Window }[] = [];
  readonly windows: readonly Window[];

  constructor(scenario: Scenario) {
    for (const o of scenario.faults.outages) {
      const list = this.#outages.get(o.target) ?? [];
      list.push({ from: o.fromDay * DAY, to: o.fromDay * DAY + o.hours * HOUR });
      this.#outages.set(o.target, list);
    }
    for (const p of scenario.faults.partitions) {
      this.#partitions.push({ pair: new Set(p.between), window: { from: p.fromDay * DAY, to: p.fromDay * DAY + p.hours * HOUR } });
    }
    this.windows = [...[...this.#outages.values()].flat(), ...this.#partitions.map((p) => p.window)];
  }

  /** Whether a node, the hub or the bridge is down at time t. */
  isDown(target: string, t: number): boolean {
    return (this.#outages.get(target) ?? []).some((w) => t >= w.from && t < w.to);
  }

  /** The first moment at or after t when `target` is up. */
  nextUp(target: string, t: number): number {
    let time = t;
    for (let guard = 0; guard < 1000 && this.isDown(target, time); guard++) {
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
}
