import type { LedgerState, MraRecord, MraVersion } from './state.js';
import type { MraTerm } from './schemas.js';

export type MraStatus = 'PROPOSED' | 'ACTIVE' | 'RETIRED';

/** What an MRA means right now, derived from its proposals, approvals and retirements. */
export interface MraView {
  readonly id: string;
  readonly name: string;
  readonly status: MraStatus;
  /** Parties still in the agreement (retired parties removed). */
  readonly parties: readonly string[];
  /** Terms of the version every party approved; empty while only proposed. */
  readonly terms: readonly MraTerm[];
  readonly activeVersion: number | null;
  /** A proposed amendment (or the first proposal) still waiting for approvals. */
  readonly pending: { readonly version: number; readonly awaiting: readonly string[] } | null;
  /** When the last party approved the active version. */
  readonly signedAt: string | null;
  readonly retiredAt: string | null;
}

/** Versions sorted ascending. */
export function versionsOf(mra: MraRecord): MraVersion[] {
  return Object.values(mra.versions).sort((a, b) => a.version - b.version);
}

function awaiting(mra: MraRecord, version: MraVersion): string[] {
  const approved = mra.approvals[String(version.version)] ?? {};
  return version.parties.filter((party) => approved[party] === undefined);
}

/**
 * An MRA (or an amendment, or a new member) takes effect only when every party of that version
 * has approved it, as in CADENA. An MRA is retired once fewer than two parties remain.
 */
export function mraView(mra: MraRecord): MraView {
  const versions = versionsOf(mra);
  const active = [...versions].reverse().find((v) => awaiting(mra, v).length === 0) ?? null;
  const latest = versions[versions.length - 1] ?? null;
  const basis = active ?? latest;
  const parties = (basis?.parties ?? []).filter((p) => mra.retired[p] === undefined);
  const retiredTimes = byInstant(Object.values(mra.retired).map((r) => r.at));
  const retired = basis !== null && parties.length < 2;
  const approvals = active ? byInstant(Object.values(mra.approvals[String(active.version)] ?? {})) : [];
  const pendingVersion = latest && (!active || latest.version > active.version) ? latest : null;
  return {
    id: mra.id,
    name: basis?.name ?? mra.id,
    status: retired ? 'RETIRED' : active ? 'ACTIVE' : 'PROPOSED',
    parties,
    terms: retired ? [] : (active?.terms ?? []),
    activeVersion: active?.version ?? null,
    pending: pendingVersion && !retired ? { version: pendingVersion.version, awaiting: awaiting(mra, pendingVersion) } : null,
    signedAt: approvals[approvals.length - 1] ?? null,
    retiredAt: retired ? (retiredTimes[retiredTimes.length - 1] ?? null) : null,
  };
}

/** Views worked out per MRA table: a state's table is replaced, never changed, when an MRA entry lands. */
const VIEWS = new WeakMap<LedgerState['mras'], readonly MraView[]>();

/** Every MRA of a state, as it stands (sorted by id); worked out once per state of the MRA table. */
export function mraViews(state: LedgerState): readonly MraView[] {
  let views = VIEWS.get(state.mras);
  if (!views) {
    views = Object.values(state.mras).map(mraView).sort((a, b) => a.id.localeCompare(b.id));
    VIEWS.set(state.mras, views);
  }
  return views;
}

/** Active MRAs that `a` and `b` are both parties to. */
export function activeMrasBetween(state: LedgerState, a: string, b: string): MraView[] {
  return mraViews(state).filter((m) => m.status === 'ACTIVE' && m.parties.includes(a) && m.parties.includes(b));
}

/** Timestamps oldest first by instant: entries may be signed with any UTC offset, so their text does not sort. */
function byInstant(times: readonly string[]): string[] {
  return [...times].sort((a, b) => Date.parse(a) - Date.parse(b) || (a < b ? -1 : a > b ? 1 : 0));
}
