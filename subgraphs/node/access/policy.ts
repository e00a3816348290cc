import { activeMrasBetween, type CallerRole, type LedgerState } from '../../ledger/index.js';

/** Who is asking: verified from a JWT signed by the caller's own authority. */
export interface Caller {
  readonly country: string;
  readonly role: CallerRole;
  readonly subject: string;
  /** When the token that proved who the caller is expires (its `exp`), if it does. */
  readonly expiresAt?: Date;
  /** The authority key the token was verified with: it proves who the caller is only while it is that authority's current key. */
  readonly keyId?: string;
}

/** Anyone, even anonymous, may see these: enough to check that an AEO exists and its status. */
export const PUBLIC_FIELDS: ReadonlySet<string> = new Set(['aeoId', 'country', 'status', '__typename']);

/** Fields kept off the ledger, served only by the owning authority's node. */
export const PRIVATE_FIELDS: ReadonlySet<string> = new Set(['taxId', 'contact', 'riskScore', 'auditNotes', 'privateDataVerified']);

/** How a caller relates to the authority that owns an operator. */
export type Relation = 'home' | 'partner' | 'no-mra' | 'anonymous';

export function relationOf(state: LedgerState, caller: Caller | null, owner: string): Relation {
  if (!caller) return 'anonymous';
  if (caller.country === owner) return 'home';
  return activeMrasBetween(state, caller.country, owner).length > 0 ? 'partner' : 'no-mra';
}

/** What access needs of an MRA: its status, parties and the terms every party approved. */
export interface MraTermsView {
  readonly status: string;
  readonly parties: readonly string[];
  readonly terms: readonly { readonly partner: string; readonly role: string; readonly fields: readonly string[] }[];
}

/**
 * The Operator fields `caller` may see on `owner`'s operators, read from the MRA terms on the
 * ledger at this moment: everything at home; for a partner, the union of what every active MRA
 * grants its role (terms for `*` or for its country); otherwise only the public fields. Signing,
 * amending or retiring an MRA changes the answer at once, because the terms are ledger state.
 */
export function visibleFields(state: LedgerState, caller: Caller | null, owner: string): ReadonlySet<string> | 'all' {
  return visibleFieldsUnder(caller && caller.country !== owner ? activeMrasBetween(state, caller.country, owner) : [], caller, owner);
}

/**
 * The same rule over a list of MRAs (as a gateway reads them from its node's `mras` query):
 * only ACTIVE MRAs naming both the caller's country and the owner count. Roles compare without
 * case, since the ledger spells them `officer` and GraphQL `OFFICER`.
 */
export function visibleFieldsUnder(mras: readonly MraTermsView[], caller: Caller | null, owner: string): ReadonlySet<string> | 'all' {
  if (!caller) return PUBLIC_FIELDS;
  if (caller.country === owner) return 'all';
  const active = mras.filter((m) => m.status.toUpperCase() === 'ACTIVE' && m.parties.includes(caller.country) && m.parties.includes(owner));
  if (active.length === 0) return PUBLIC_FIELDS;
  const granted = new Set(PUBLIC_FIELDS);
  for (const mra of active) {
    for (const term of mra.terms) {
      if ((term.partner === '*' || term.partner === caller.country) && term.role.toLowerCase() === caller.role.toLowerCase()) {
        term.fields.forEach((field) => granted.add(field));
      }
    }
  }
  return granted;
}

/** True when `field` of an operator owned by `owner` may be shown to `caller`. */
export function mayView(state: LedgerState, caller: Caller | null, owner: string, field: string): boolean {
  const fields = visibleFields(state, caller, owner);
  return fields === 'all' || fields.has(field);
}
