import type { Provenance } from '../provenance.js';
import type { CertificateSeedRun } from './run-seed.js';
import type { CertificateScenario } from './schema.js';
import type { CertificateSummary } from './summary.js';

/** Everything a certificate simulation produced, before it is written out. */
export interface CertificateResult {
  readonly provenance: Provenance;
  readonly scenario: CertificateScenario;
  readonly runs: readonly CertificateSeedRun[];
  readonly summary: CertificateSummary;
}
