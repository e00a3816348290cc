import type { Delivery, ViewRecord } from './mechanisms/index.js';
import type { ChangeKind, World } from './world.js';

const AFTER: Record<ChangeKind, string> = { suspend: 'SUSPENDED', reinstate: 'ACTIVE', revoke: 'REVOKED' };

interface Series {
  times: number[];
  statuses: string[];
  forged: boolean[];
}

/** Status over time for (viewer, AEO) pairs: the truth at home, or what a partner was told. */
export class StatusTimeline {
  readonly #series = new Map<string, Series>();

  /** The truth: each change takes effect at home the moment it is made. */
  static truth(world: World): StatusTimeline {
    const timeline = new StatusTimeline();
    for (const change of world.changes) timeline.#add(`*|${change.aeoId}`, change.at, AFTER[change.kind], false);
    return timeline;
  }

  /** A mechanism's view: each change (or forged or restated record) takes effect at a partner when it arrives there. */
  static delivered(world: World, deliveries: readonly Delivery[], records: readonly ViewRecord[] = []): StatusTimeline {
    const timeline = new StatusTimeline();
    const all: ViewRecord[] = [...records];
    for (const d of deliveries) {
      const change = world.changes[d.change];
      if (change && d.at !== null) all.push({ partner: d.partner, aeoId: change.aeoId, at: d.at, status: AFTER[change.kind], forged: false });
    }
    all.sort((a, b) => a.at - b.at);
    for (const r of all) timeline.#add(`${r.partner}|${r.aeoId}`, r.at, r.status, r.forged);
    return timeline;
  }

  /** Status of `aeoId` at time t as `viewer` knows it ('*' for the truth); ACTIVE before any change. */
  statusAt(viewer: string, aeoId: string, t: number): string {
    return this.recordAt(viewer, aeoId, t).status;
  }

  /** The status and whether it came from a forgery. */
  recordAt(viewer: string, aeoId: string, t: number): { status: string; forged: boolean } {
    const series = this.#series.get(`${viewer}|${aeoId}`);
    if (!series) return { status: 'ACTIVE', forged: false };
    let lo = 0;
    let hi = series.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((series.times[mid] as number) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? { status: 'ACTIVE', forged: false } : { status: series.statuses[lo - 1] as string, forged: series.forged[lo - 1] as boolean };
  }

  #add(key: string, at: number, status: string, forged: boolean): void {
    const series = this.#series.get(key) ?? { times: [], statuses: [], forged: [] };
    series.times.push(at);
    series.statuses.push(status);
    series.forged.push(forged);
    this.#series.set(key, series);
  }
}
