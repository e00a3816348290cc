import { drawDeclarations } from './declarations.js';
import { Faults } from './faults.js';
import { propagate, type MechanismContext } from './mechanisms/index.js';
import { measure, type MechanismMetrics } from './metrics.js';
import type { MechanismName, Scenario } from './scenario-schema.js';
import { StatusTimeline } from './status-timeline.js';
import { buildWorld } from './world.js';

/** One line of events.jsonl; `t` is seconds since the scenario start (virtual time). */
export type SimEvent = Readonly<Record<string, string | number | null>> & { readonly seed: number; readonly type: string };

export interface SeedRun {
  readonly seed: number;
  readonly metrics: Readonly<Record<string, MechanismMetrics>>;
  readonly events: readonly SimEvent[];
}

/**
 * Replays one seed: builds the world once, then runs every mechanism on that same world and the
 * same declarations, so differences between mechanisms come from the mechanisms alone.
 */
export async function runSeed(scenario: Scenario, seed: number, onMechanism: (name: MechanismName) => void = () => {}): Promise<SeedRun> {
  const world = buildWorld(scenario, seed);
  const faults = new Faults(scenario);
  const countries = [...world.byCountry.keys()];
  const ctx: MechanismContext = { world, faults, partnersOf: (c) => countries.filter((p) => p !== c) };
  const truth = StatusTimeline.truth(world);
  const declarations = drawDeclarations(world);
  const events: SimEvent[] = world.changes.map((c) => ({ seed, type: 'status-change', t: round(c.at), aeoId: c.aeoId, country: c.country, kind: c.kind, reason: c.reason }));
  for (const o of scenario.faults.outages) events.push({ seed, type: 'outage', t: o.fromDay * 86_400, target: o.target, hours: o.hours });
  for (const p of scenario.faults.partitions) events.push({ seed, type: 'partition', t: p.fromDay * 86_400, between: p.between.join('-'), hours: p.hours });
  const metrics: Record<string, MechanismMetrics> = {};
  for (const mechanism of scenario.mechanisms) {
    onMechanism(mechanism);
    const run = await propagate(mechanism, ctx);
    metrics[mechanism] = measure(world, faults, truth, declarations, run);
    for (const d of run.deliveries) {
      const change = world.changes[d.change];
      if (!change) continue;
      events.push({ seed, type: 'delivered', mechanism, t: d.at === null ? null : round(d.at), aeoId: change.aeoId, partner: d.partner, delay_s: d.at === null ? null : round(d.at - change.at) });
    }
    for (const [code, count] of Object.entries(run.tampering.byCode)) events.push({ seed, type: 'tampering-refused', mechanism, code, count });
    if (run.tampering.accepted > 0) events.push({ seed, type: 'tampering-accepted', mechanism, count: run.tampering.accepted });
  }
  return { seed, metrics, events };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
