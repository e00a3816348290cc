import { Map as ImmutableMap } from 'immutable';
import type { CertificateRecord } from './certificates/state.js';
import type { Genesis } from './genesis.js';
import { keyIdOf } from './keys.js';
import type { Address, EntryType, Member, MraTerm, OperatorRole } from './schemas.js';

export type OperatorStatus = 'ACTIVE' | 'SUSPENDED' | 'REVOKED';

/** One status-relevant step in an operator's life, with the entry that recorded it. */
export interface StatusEvent {
  readonly type: EntryType;
  readonly status: OperatorStatus;
  readonly at: string;
  readonly reason: string | null;
  readonly sequence: number;
  readonly entryHash: string;
}

/** An AEO as the ledger knows it (shared fields only; private data stays at its node). */
export interface OperatorRecord {
  readonly aeoId: string;
  readonly country: string;
  readonly legalName: string;
  readonly tradeName: string;
  readonly roles: readonly OperatorRole[];
  readonly validFrom: string;
  readonly validUntil: string;
  readonly address: Address;
  readonly status: OperatorStatus;
  readonly privateDigest: string | null;
  readonly history: readonly StatusEvent[];
  readonly lastEntry: { readonly sequence: number; readonly hash: string };
}

export interface AuthorityKey {
  readonly keyId: string;
  readonly publicKey: string;
  readonly fromSequence: number;
}

/** A known authority: founding (genesis) or admitted by an MRA proposal; `keys` in order of use. */
export interface AuthorityRecord {
  readonly country: string;
  readonly name: string;
  readonly keys: readonly AuthorityKey[];
  readonly admittedBy: 'genesis' | { readonly mraId: string; readonly proposer: string };
  readonly head: { readonly sequence: number; readonly hash: string; readonly timestamp: string } | null;
}

export interface MraVersion {
  readonly version: number;
  readonly name: string;
  readonly parties: readonly string[];
  readonly terms: readonly MraTerm[];
  readonly newMembers: readonly Member[];
  readonly proposedBy: string;
  readonly proposedAt: string;
}

/**
 * An MRA as raw facts gathered from every party's chain (proposals, approvals, retirements), so
 * the fold gives the same result whatever order the chains arrive in; `mraView` derives status.
 */
export interface MraRecord {
  readonly id: string;
  readonly versions: Readonly<Record<string, MraVersion>>;
  readonly approvals: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly retired: Readonly<Record<string, { readonly at: string; readonly reason: string }>>;
}

export interface LedgerState {
  readonly network: string;
  readonly authorities: Readonly<Record<string, AuthorityRecord>>;
  /** A persistent map: each entry changes one operator in O(log n), sharing the rest. */
  readonly operators: ImmutableMap<string, OperatorRecord>;
  readonly mras: Readonly<Record<string, MraRecord>>;
  /** Certificates by number: public facts only (digest, parties, steps); content stays off the ledger. */
  readonly certificates: ImmutableMap<string, CertificateRecord>;
}

/** The state before any entry: the genesis authorities with their first keys. */
export function initialState(genesis: Genesis, network: string): LedgerState {
  const authorities: Record<string, AuthorityRecord> = {};
  for (const member of genesis.authorities) {
    authorities[member.country] = newAuthority(member, 'genesis');
  }
  return { network, authorities, operators: ImmutableMap(), mras: {}, certificates: ImmutableMap() };
}

/** An authority record for a member whose first key is pinned by genesis or a proposal. */
export function newAuthority(member: Member, admittedBy: AuthorityRecord['admittedBy']): AuthorityRecord {
  return {
    country: member.country,
    name: member.name,
    keys: [{ keyId: keyIdOf(member.publicKey), publicKey: member.publicKey, fromSequence: 1 }],
    admittedBy,
    head: null,
  };
}

/** The key an authority must sign its next entry with. */
export function currentKey(authority: AuthorityRecord): AuthorityKey {
  const key = authority.keys[authority.keys.length - 1];
  if (!key) throw new Error(`authority ${authority.country} has no key`);
  return key;
}

/** The key that was in force for `sequence` of the authority's chain. */
export function keyAt(authority: AuthorityRecord, sequence: number): AuthorityKey {
  const key = [...authority.keys].reverse().find((k) => k.fromSequence <= sequence);
  if (!key) throw new Error(`authority ${authority.country} has no key for sequence ${sequence}`);
  return key;
}
