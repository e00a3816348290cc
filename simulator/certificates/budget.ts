import { SimulationError } from '../errors.js';
import type { CertificateScenario } from './schema.js';

/** Default budget: ledger entries verified per seed (about 6,000 a second on a busy 2-core machine). */
export const DEFAULT_CERTIFICATE_BUDGET = 2_000_000;

/**
 * Entries one seed will have verified, estimated before any work: each certificate takes up to
 * four signed steps (issue, receipt, acceptance, clearance), each verified by every replica.
 */
export function estimateCertificateEvents(s: CertificateScenario): number {
  return Math.round(s.authorities * s.certificatesPerAuthorityDay * s.days * 4 * s.authorities);
}

/** Refuses, before any work, a run whose size is over the budget (`--max-events`). */
export function checkCertificateBudget(s: CertificateScenario, maxEvents: number): void {
  const cost = estimateCertificateEvents(s);
  if (cost > maxEvents) {
    throw new SimulationError(
      `this scenario costs about ${cost.toLocaleString('en-US')} ledger verifications per seed, over the budget of ${maxEvents.toLocaleString('en-US')} `
        + '(authorities² × certificatesPerAuthorityDay × days drive it); shrink it, or raise --max-events if the machine has the time',
      'BUDGET_EXCEEDED',
    );
  }
}
