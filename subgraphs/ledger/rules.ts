import { assertCertificateAllowed } from './certificates/rules.js';
import { LedgerError } from './errors.js';
import { mraView, versionsOf } from './mra-view.js';
import type { EntryContent, PayloadOf } from './schemas.js';
import type { LedgerState, OperatorRecord, OperatorStatus } from './state.js';

/**
 * `author`: every rule, checked by the writing authority before it signs (its own replica sees
 * every chain it depends on). `replica`: only the rules a replica can decide from the author's
 * own chain — the issuer rule and operator transitions — because other chains may arrive later.
 */
export type RuleScope = 'author' | 'replica';

const TRANSITIONS: Readonly<Record<'AEO_SUSPENDED' | 'AEO_REINSTATED' | 'AEO_REVOKED', readonly OperatorStatus[]>> = {
  AEO_SUSPENDED: ['ACTIVE'],
  AEO_REINSTATED: ['SUSPENDED'],
  AEO_REVOKED: ['ACTIVE', 'SUSPENDED'],
};

/** Throws a coded LedgerError when `authority` may not append `content` to its chain. */
export function assertAllowed(state: LedgerState, authority: string, content: EntryContent, scope: RuleScope): void {
  switch (content.type) {
    case 'AEO_GRANTED':
      assertIssuer(authority, content.payload.aeoId);
      if (state.operators.has(content.payload.aeoId)) {
        throw new LedgerError('AEO_EXISTS', `AEO ${content.payload.aeoId} is already granted`);
      }
      if (content.payload.validUntil < content.payload.validFrom) {
        throw new LedgerError('BAD_USER_INPUT', `validUntil ${content.payload.validUntil} is before validFrom ${content.payload.validFrom}`);
      }
      return;
    case 'AEO_UPDATED': {
      const operator = existing(state, authority, content.payload.aeoId);
      if (operator.status === 'REVOKED') {
        throw new LedgerError('INVALID_TRANSITION', `AEO ${operator.aeoId} is revoked and cannot be updated`);
      }
      return;
    }
    case 'AEO_SUSPENDED':
    case 'AEO_REINSTATED':
    case 'AEO_REVOKED': {
      const operator = existing(state, authority, content.payload.aeoId);
      if (!TRANSITIONS[content.type].includes(operator.status)) {
        throw new LedgerError('INVALID_TRANSITION', `cannot apply ${content.type} to AEO ${operator.aeoId}: it is ${operator.status}`, {
          status: operator.status,
        });
      }
      return;
    }
    case 'MRA_PROPOSED':
      if (scope === 'author') assertProposal(state, authority, content.payload);
      return;
    case 'MRA_APPROVED':
      if (scope === 'author') assertApproval(state, authority, content.payload);
      return;
    case 'MRA_RETIRED':
      if (scope === 'author') {
        const view = mraOf(state, content.payload.mraId);
        if (view.status === 'RETIRED' || !view.parties.includes(authority)) {
          throw new LedgerError('NOT_A_PARTY', `${authority} is not a party to MRA ${view.id}`);
        }
      }
      return;
    case 'AUTHORITY_KEY_ROTATED':
      return;
    case 'CERT_ISSUED': case 'CERT_WITHDRAWN': case 'CERT_RECEIVED': case 'CERT_ACCEPTED': case 'CERT_REJECTED': case 'CERT_CONSUMED':
      return assertCertificateAllowed(state, authority, content, scope);
    default: {
      const unreachable: never = content;
      throw new Error(`unknown entry content ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Only the issuing customs may write its own AEOs (the id's prefix names it). */
function assertIssuer(authority: string, aeoId: string): void {
  if (!aeoId.startsWith(`${authority}-`)) {
    throw new LedgerError('NOT_ISSUER', `${authority} cannot change ${aeoId}: only ${aeoId.slice(0, 2)} may`, { aeoId });
  }
}

function existing(state: LedgerState, authority: string, aeoId: string): OperatorRecord {
  assertIssuer(authority, aeoId);
  const operator = state.operators.get(aeoId);
  if (!operator) throw new LedgerError('AEO_NOT_FOUND', `AEO ${aeoId} does not exist`, { aeoId });
  return operator;
}

function mraOf(state: LedgerState, mraId: string) {
  const mra = state.mras[mraId];
  if (!mra) throw new LedgerError('MRA_NOT_FOUND', `MRA ${mraId} does not exist`, { mraId });
  return mraView(mra);
}

function assertProposal(state: LedgerState, authority: string, p: PayloadOf<'MRA_PROPOSED'>): void {
  if (!p.parties.includes(authority)) throw new LedgerError('NOT_A_PARTY', `${authority} must be a party to the MRA it proposes`);
  if (new Set(p.parties).size !== p.parties.length) throw new LedgerError('BAD_USER_INPUT', `MRA ${p.mraId} lists a party twice`);
  const newcomers = new Set(p.newMembers.map((m) => m.country));
  for (const member of p.newMembers) {
    if (state.authorities[member.country]) throw new LedgerError('BAD_USER_INPUT', `${member.country} is already a known authority`);
    if (!p.parties.includes(member.country)) throw new LedgerError('BAD_USER_INPUT', `new member ${member.country} must be a party`);
  }
  const unknown = p.parties.find((party) => !state.authorities[party] && !newcomers.has(party));
  if (unknown) throw new LedgerError('BAD_USER_INPUT', `party ${unknown} is not a known authority; add it to newMembers with its public key`);
  const mra = state.mras[p.mraId];
  const latest = mra ? (versionsOf(mra).at(-1)?.version ?? 0) : 0;
  if (p.version !== latest + 1) {
    throw new LedgerError(mra ? 'MRA_EXISTS' : 'BAD_USER_INPUT', `MRA ${p.mraId} version must be ${latest + 1}, got ${p.version}`);
  }
  if (mra && mraView(mra).status === 'RETIRED') throw new LedgerError('MRA_EXISTS', `MRA ${p.mraId} is retired; propose a new id`);
}

function assertApproval(state: LedgerState, authority: string, p: PayloadOf<'MRA_APPROVED'>): void {
  const mra = state.mras[p.mraId];
  const version = mra?.versions[String(p.version)];
  if (!mra || !version) throw new LedgerError('MRA_NOT_FOUND', `MRA ${p.mraId} has no version ${p.version}`);
  if (!version.parties.includes(authority)) throw new LedgerError('NOT_A_PARTY', `${authority} is not a party to MRA ${p.mraId}`);
  if (mra.approvals[String(p.version)]?.[authority] !== undefined) {
    throw new LedgerError('ALREADY_APPROVED', `${authority} already approved MRA ${p.mraId} version ${p.version}`);
  }
}
