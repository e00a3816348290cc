import type { Delivery } from './mechanisms/index.js';
import type { ChangeKind, World } from './world.js';

const AFTER: Record<ChangeKind, string> = { suspend: 'SUSPENDED', reinstate: 'ACTIVE', revoke: 'REVOKED' };

/** Status over time for (viewer, AEO) pairs: the truth at home, or what a partner was told. */
export class StatusTimeline {
  readonly #times = new Map<string, number[]>();
  readonly #statuses = new Map<string, string[]>();

  /** The truth: each change takes effect at home the moment it is made. */
  static truth(world: World): StatusTimeline {
    const timeline = new StatusTimeline();
    for (const change of world.changes) timeline.#add(`*|${change.aeoId}`, change.at, AFTER[change.kind]);
    return timeline;
  }

  /** A mechanism's view: each change takes effect at a partner when delivered there. */
  static delivered(world: World, deliveries: readonly Delivery[]): StatusTimeline {
    const timeline = new StatusTimeline();
    const sorted = deliveries.filter((d) => d.at !== null).sort((a, b) => (a.at as number) - (b.at as number) || a.change - b.change);
    for (const d of sorted) {
      const change = world.changes[d.change];
      if (change) timeline.#add(`${d.partner}|${change.aeoId}`, d.at as number, AFTER[change.kind]);
    }
    return timeline;
  }

  /** Status of `aeoId` at time t as `viewer` knows it ('*' for the truth); ACTIVE before any change. */
  statusAt(viewer: string, aeoId: string, t: number): string {
    const key = `${viewer}|${aeoId}`;
    const times = this.#times.get(key);
    if (!times) return 'ACTIVE';
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((times[mid] as number) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 'ACTIVE' : ((this.#statuses.get(key) as string[])[lo - 1] as string);
  }

  #add(key: string, at: number, status: string): void {
    const times = this.#times.get(key) ?? [];
    const statuses = this.#statuses.get(key) ?? [];
    times.push(at);
    statuses.push(status);
    this.#times.set(key, times);
    this.#statuses.set(key, statuses);
  }
}
