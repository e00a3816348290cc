import { certificateContent, type CertificateCommand } from './certificates/commands.js';
import { LedgerError } from './errors.js';
import { versionsOf } from './mra-view.js';
import { assertAllowed } from './rules.js';
import { entryContentSchema, type EntryContent, type Member, type MraTerm, type PayloadOf } from './schemas.js';
import type { LedgerState } from './state.js';

/** What an authority asks its own chain to record (imperative; the entry is the past tense). */
export type Command =
  | { readonly kind: 'grantAeo'; readonly aeo: PayloadOf<'AEO_GRANTED'> }
  | { readonly kind: 'updateAeo'; readonly aeoId: string; readonly changes: PayloadOf<'AEO_UPDATED'>['changes'] }
  | { readonly kind: 'suspendAeo' | 'reinstateAeo' | 'revokeAeo'; readonly aeoId: string; readonly reason: string }
  | {
      readonly kind: 'proposeMra';
      readonly mraId: string;
      readonly name: string;
      readonly parties: readonly string[];
      readonly terms: readonly MraTerm[];
      readonly newMembers?: readonly Member[];
    }
  | { readonly kind: 'approveMra'; readonly mraId: string; readonly version?: number }
  | { readonly kind: 'retireFromMra'; readonly mraId: string; readonly reason: string }
  | { readonly kind: 'rotateKey'; readonly publicKey: string }
  | CertificateCommand;

/**
 * The pure decision: the entry content `authority` may append for `command` in `state`, or a
 * coded LedgerError (invalid transitions, someone else's AEO, unknown MRA, ...). Nothing changes
 * until the returned content is signed and appended.
 */
export function decide(command: Command, state: LedgerState, authority: string): EntryContent {
  const parsed = entryContentSchema.safeParse(contentFor(command, state));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.slice(1).map(String).join('.') || 'input';
    throw new LedgerError('BAD_USER_INPUT', `${where}: ${issue?.message ?? 'invalid'}`, { field: where });
  }
  assertAllowed(state, authority, parsed.data, 'author');
  return parsed.data;
}

function contentFor(command: Command, state: LedgerState): EntryContent {
  switch (command.kind) {
    case 'grantAeo':
      return { type: 'AEO_GRANTED', payload: command.aeo };
    case 'updateAeo':
      return { type: 'AEO_UPDATED', payload: { aeoId: command.aeoId, changes: command.changes } };
    case 'suspendAeo':
      return { type: 'AEO_SUSPENDED', payload: { aeoId: command.aeoId, reason: command.reason } };
    case 'reinstateAeo':
      return { type: 'AEO_REINSTATED', payload: { aeoId: command.aeoId, reason: command.reason } };
    case 'revokeAeo':
      return { type: 'AEO_REVOKED', payload: { aeoId: command.aeoId, reason: command.reason } };
    case 'proposeMra': {
      const mra = state.mras[command.mraId];
      const version = (mra ? (versionsOf(mra).at(-1)?.version ?? 0) : 0) + 1;
      const { kind: _kind, newMembers = [], ...rest } = command;
      return { type: 'MRA_PROPOSED', payload: { ...rest, parties: [...rest.parties], terms: [...rest.terms], newMembers: [...newMembers], version } };
    }
    case 'approveMra': {
      const mra = state.mras[command.mraId];
      if (!mra) throw new LedgerError('MRA_NOT_FOUND', `MRA ${command.mraId} does not exist`);
      const version = command.version ?? versionsOf(mra).at(-1)?.version ?? 1;
      return { type: 'MRA_APPROVED', payload: { mraId: command.mraId, version } };
    }
    case 'retireFromMra':
      return { type: 'MRA_RETIRED', payload: { mraId: command.mraId, reason: command.reason } };
    case 'rotateKey':
      return { type: 'AUTHORITY_KEY_ROTATED', payload: { publicKey: command.publicKey } };
    case 'issueCertificate': case 'withdrawCertificate': case 'receiveCertificate': case 'acceptCertificate': case 'rejectCertificate': case 'consumeCertificate':
      return certificateContent(command);
    default: {
      const unreachable: never = command;
      throw new LedgerError('BAD_USER_INPUT', `unknown command ${JSON.stringify(unreachable)}`);
    }
  }
}
