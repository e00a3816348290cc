import type { Faults } from '../faults.js';
import type { ForgeryAttempt } from '../forgeries.js';
import type { MechanismName } from '../scenario-schema.js';
import type { StatusTimeline } from '../status-timeline.js';
import type { TruthChange, World } from '../world.js';

/** When `partner` learned of change number `change` (null: not by the end of the run). */
export interface Delivery {
  readonly change: number;
  readonly partner: string;
  readonly at: number | null;
}

/** A status a partner was told outside the genuine changes: a forgery it accepted, or a list restating the truth. */
export interface ViewRecord {
  readonly partner: string;
  readonly aeoId: string;
  readonly at: number;
  readonly status: string;
  readonly forged: boolean;
}

export interface TamperingOutcome {
  readonly attempts: number;
  /** Forgeries refused, counted once per receiving partner (or honest replica) that refused them. */
  readonly detected: number;
  /** Forgeries taken as genuine, once per receiving partner. */
  readonly accepted: number;
  readonly byCode: Readonly<Record<string, number>>;
}

/** What one mechanism did with one world. */
export interface Propagation {
  readonly mechanism: MechanismName;
  readonly deliveries: readonly Delivery[];
  readonly records: readonly ViewRecord[];
  readonly messages: number;
  readonly bytes: number;
  readonly tampering: TamperingOutcome;
  /** Status lookups made through a partner's real GraphQL node during the run, and disagreements. */
  readonly nodeQueries: number;
  readonly nodeMismatches: number;
  /** Seconds during which the mechanism could not move anything at all (a stalled ledger). */
  readonly stalledSeconds: number;
}

export interface MechanismContext {
  readonly world: World;
  readonly faults: Faults;
  readonly truth: StatusTimeline;
  readonly forgeries: readonly ForgeryAttempt[];
  /** Every other country: all of them exchange data; MRAs decide who grants benefits. */
  readonly partnersOf: (country: string) => readonly string[];
}

/** Bytes of one status-change message (a JSON record as partners exchange it). */
export function changeRecordBytes(change: TruthChange): number {
  return Buffer.byteLength(JSON.stringify({ aeoId: change.aeoId, country: change.country, status: change.kind, at: change.at, reason: change.reason }));
}
