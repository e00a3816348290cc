import { certificateStatus, validSteps, type CertificateRecord, type CertificateStatus, type CertificateStep } from '../../ledger/index.js';
import type { Caller } from '../access/index.js';
import type { NodeContext } from '../country-node.js';
import { nodeError, unauthenticated } from '../errors.js';

/** What the Certificate type resolves from: the ledger's public facts about one certificate. */
export interface CertificateView {
  readonly number: string;
  readonly exporter: string;
  readonly importer: string;
  readonly status: CertificateStatus;
  readonly digest: string;
  readonly issuedAt: string;
  readonly replaces: string | null;
  readonly replacedBy: string | null;
  readonly steps: readonly CertificateStep[];
}

/** The view of an issued certificate (null while only an importer's steps are known). */
export function viewOf(record: CertificateRecord | undefined): CertificateView | null {
  const status = record ? certificateStatus(record) : null;
  if (!record?.issued || !status) return null;
  const steps = validSteps(record);
  return {
    number: record.number, exporter: record.exporter, importer: record.issued.importer, status, digest: record.issued.digest,
    issuedAt: record.issued.at, replaces: record.issued.replaces, replacedBy: steps.find((s) => s.kind === 'REPLACED')?.reference ?? null, steps,
  };
}

/** An authenticated caller whose authority is the exporter or the importer; anyone else is refused. */
export function requireParty(caller: Caller | null, view: Pick<CertificateView, 'number' | 'exporter' | 'importer'>): Caller {
  if (!caller) throw unauthenticated('certificates are available to authenticated authorities only');
  if (caller.country !== view.exporter && caller.country !== view.importer) {
    throw nodeError('FORBIDDEN', `certificate ${view.number} is between ${view.exporter} and ${view.importer}; ${caller.country} may not read it`, { number: view.number });
  }
  return caller;
}

/** Officers and admins of this node's own authority take its certificate steps. */
export function requireOwnOfficer({ node, caller }: NodeContext): Caller {
  if (!caller) throw unauthenticated('certificate steps need a bearer token');
  if (caller.country !== node.country || caller.role === 'analyst') {
    throw nodeError('FORBIDDEN', `only ${node.country} officers and admins may record ${node.country}'s certificate steps`);
  }
  return caller;
}

/** The certificate's view, or NOT_FOUND. */
export function existing(ctx: NodeContext, number: string): CertificateView {
  const view = viewOf(ctx.node.replica.state.certificates.get(number));
  if (!view) throw nodeError('NOT_FOUND', `certificate ${number} is not on this node's ledger`, { number });
  return view;
}
