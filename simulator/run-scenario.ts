import { drawDeclarations } from './declarations.js';
import { Faults } from './faults.js';
import { planForgeries } from './forgeries.js';
import { propagate, type MechanismContext } from './mechanisms/index.js';
import { measure, type DeclarationRow, type MechanismMetrics } from './metrics.js';
import type { MechanismName, Scenario } from './scenario-schema.js';
import { StatusTimeline } from './status-timeline.js';
import { buildWorld } from './world.js';

/** One line of events.jsonl; `t` is seconds since the scenario start (virtual time). */
export type SimEvent = Readonly<Record<string, string | number | boolean | null>> & { readonly seed: number; readonly type: string };

export interface SeedRun {
  readonly seed: number;
  readonly metrics: Readonly<Record<string, MechanismMetrics>>;
  readonly events: readonly SimEvent[];
  /** Per mechanism, one row per checked declaration (only when asked for). */
  readonly declarations?: Readonly<Record<string, readonly DeclarationRow[]>>;
}

export interface RunSeedOptions {
  readonly onMechanism?: (name: MechanismName) => void;
  readonly declarations?: boolean;
}

/**
 * Replays one seed: builds the world, its faults and forgeries once, then runs every mechanism on
 * that same world and the same declarations, so differences come from the mechanisms alone.
 */
export async function runSeed(scenario: Scenario, seed: number, options: RunSeedOptions = {}): Promise<SeedRun> {
  const world = buildWorld(scenario, seed);
  const faults = new Faults(scenario, seed);
  const countries = [...world.byCountry.keys()];
  const truth = StatusTimeline.truth(world);
  const forgeries = planForgeries(world, truth);
  const ctx: MechanismContext = { world, faults, truth, forgeries, partnersOf: (c) => countries.filter((p) => p !== c) };
  const declarations = drawDeclarations(world);
  const events: SimEvent[] = world.changes.map((c) => ({ seed, type: 'status-change', t: round(c.at), aeoId: c.aeoId, country: c.country, kind: c.kind, reason: c.reason }));
  for (const f of faults.events) {
    const where: Record<string, string> = f.kind === 'outage' ? { target: f.target } : { between: f.between.join('-') };
    events.push({ seed, type: f.kind, t: round(f.window.from), ...where, hours: round((f.window.to - f.window.from) / 3600), random: f.random });
  }
  for (const f of forgeries) events.push({ seed, type: 'forgery', t: round(f.at), tamperer: f.tamperer, aeoId: f.aeoId, claim: f.claim });
  const metrics: Record<string, MechanismMetrics> = {};
  const detail: Record<string, DeclarationRow[]> = {};
  for (const mechanism of scenario.mechanisms) {
    options.onMechanism?.(mechanism);
    const run = await propagate(mechanism, ctx);
    const rows: DeclarationRow[] | undefined = options.declarations ? [] : undefined;
    metrics[mechanism] = measure(world, faults, truth, declarations, run, rows);
    if (rows) detail[mechanism] = rows;
    for (const d of run.deliveries) {
      const change = world.changes[d.change];
      if (!change) continue;
      events.push({ seed, type: 'delivered', mechanism, t: d.at === null ? null : round(d.at), aeoId: change.aeoId, partner: d.partner, delay_s: d.at === null ? null : round(d.at - change.at) });
    }
    for (const [code, count] of Object.entries(run.tampering.byCode)) events.push({ seed, type: 'tampering-refused', mechanism, code, count });
    if (run.tampering.accepted > 0) events.push({ seed, type: 'tampering-accepted', mechanism, count: run.tampering.accepted });
  }
  return { seed, metrics, events, ...(options.declarations ? { declarations: detail } : {}) };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
