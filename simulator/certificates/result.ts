import type { Provenance } from '../provenance.js';
import type { CertificateSeedRun } from './run-seed.js';
import type { CertificateScenario } from './schema.js';
import type { CertificateSummary } from './summary.js';

/** One point of a sweep (the only one without a sweep): its parameters and what its seeds gave. */
export interface CertificatePoint {
  readonly id: number;
  readonly params: Readonly<Record<string, number>>;
  readonly scenario: CertificateScenario;
  readonly runs: readonly CertificateSeedRun[];
  readonly summary: CertificateSummary;
}

/** Everything a certificate simulation produced; `scenario` and `summary` are the headline point's. */
export interface CertificateResult {
  readonly provenance: Provenance;
  readonly scenario: CertificateScenario;
  readonly summary: CertificateSummary;
  readonly points: readonly CertificatePoint[];
}
