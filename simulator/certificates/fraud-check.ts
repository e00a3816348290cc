import type { PhytosanitaryCertificate } from '../../subgraphs/certificates/index.js';
import { fraudulentCopy } from './documents.js';
import type { LedgerExchange } from './ledger-exchange.js';
import type { CertificateScenario } from './schema.js';
import type { CertificateShipment, FraudAttempt } from './world.js';

/** What one mechanism's border check makes of one fraud attempt. */
export interface FraudVerdict {
  readonly caught: boolean;
  /** The ledger's answer (ALTERED, UNKNOWN, CERTIFICATE_CONSUMED), or how a plain check went. */
  readonly how: string;
}

export interface FraudCheckContext {
  /** The real ledger (shared-ledger), or null for bridges and hub. */
  readonly ledger: LedgerExchange | null;
  /** The assumed shares of a plain channel (bridges or hub). */
  readonly plain: CertificateScenario['hub'];
  readonly document: (s: CertificateShipment) => PhytosanitaryCertificate;
  /** Whether the importer held the genuine certificate electronically at that time. */
  readonly heldAt: (s: CertificateShipment, t: number) => boolean;
  /** Whether the importer's own system was down at that time: then no mechanism can check anything. */
  readonly importerDown: (s: CertificateShipment, t: number) => boolean;
}

/**
 * A border check on equal terms: with the importer's system down, nothing is caught by any
 * mechanism. On the ledger, the real code decides: an altered copy is checked against the
 * importer's replica (`checkAuthenticity`: ALTERED, or UNKNOWN for a number never issued), a second
 * clearance is refused by `decide` (CERTIFICATE_CONSUMED). On bridges and the hub, catching is an
 * assumed share (the same draw for both), and an altered copy needs the genuine one to have arrived.
 */
export function checkFraud(attempt: FraudAttempt, target: CertificateShipment, ctx: FraudCheckContext): FraudVerdict {
  if (ctx.importerDown(target, attempt.at)) return { caught: false, how: 'importer system down' };
  if (attempt.kind === 'reuse') {
    if (ctx.ledger) {
      const code = ctx.ledger.consume(target.importer, target.number, `CLR-REUSE-${attempt.n}`);
      return { caught: code !== null, how: code ?? 'ACCEPTED' };
    }
    const caught = attempt.draw < ctx.plain.reuseCaughtShare;
    return { caught, how: caught ? 'importer system recorded the clearance (assumed share)' : 'not recorded' };
  }
  const copy = fraudulentCopy(ctx.document(target), attempt.kind);
  if (ctx.ledger) {
    const verdict = ctx.ledger.check(copy, target.importer);
    return { caught: verdict !== 'GENUINE', how: verdict };
  }
  const caught = attempt.draw < ctx.plain.alteredCopyCaughtShare && (attempt.kind === 'forged-copy' || ctx.heldAt(target, attempt.at));
  return { caught, how: caught ? 'compared with the importer\'s electronic copy (assumed share)' : 'not compared' };
}
