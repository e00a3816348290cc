import type { Faults } from '../faults.js';
import type { MechanismName } from '../scenario-schema.js';
import type { TruthChange, World } from '../world.js';

/** When `partner` learned of change number `change` (null: not within the simulated horizon). */
export interface Delivery {
  readonly change: number;
  readonly partner: string;
  readonly at: number | null;
}

export interface TamperingOutcome {
  readonly attempts: number;
  /** Forged entries refused, counted once per honest replica that refused them. */
  readonly detected: number;
  /** Forged messages taken as genuine, once per receiving partner. */
  readonly accepted: number;
  readonly byCode: Readonly<Record<string, number>>;
}

/** What one mechanism did with one world. */
export interface Propagation {
  readonly mechanism: MechanismName;
  readonly deliveries: readonly Delivery[];
  readonly messages: number;
  readonly bytes: number;
  readonly tampering: TamperingOutcome;
  /** Status lookups made through a partner's real GraphQL node during the run, and disagreements. */
  readonly nodeQueries: number;
  readonly nodeMismatches: number;
}

export interface MechanismContext {
  readonly world: World;
  readonly faults: Faults;
  /** Every other country: all of them exchange data; MRAs decide who grants benefits. */
  readonly partnersOf: (country: string) => readonly string[];
}

/** Bytes of one status-change message (a JSON record as partners exchange it). */
export function changeRecordBytes(change: TruthChange): number {
  return Buffer.byteLength(JSON.stringify({ aeoId: change.aeoId, country: change.country, status: change.kind, at: change.at, reason: change.reason }));
}

/** Without signatures or a shared log, a forged message is indistinguishable from a genuine one. */
export function unverifiedTampering(ctx: MechanismContext): TamperingOutcome {
  const attempts = ctx.world.scenario.faults.tampering.reduce((sum, t) => sum + t.attempts, 0);
  const accepted = ctx.world.scenario.faults.tampering.reduce((sum, t) => sum + t.attempts * ctx.partnersOf(t.country).length, 0);
  return { attempts, detected: 0, accepted, byCode: {} };
}
