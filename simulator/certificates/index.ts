/**
 * The certificate-exchange scenario: N authorities exchanging ePhyto certificates through
 * bilateral bridges, a central hub and the shared ledger (the real ledger code), on one seeded
 * world per seed. `mra-hub simulate` dispatches here for a scenario with `kind: certificate-exchange`.
 */
export { checkCertificateBudget, DEFAULT_CERTIFICATE_BUDGET, estimateCertificateEvents } from './budget.js';
export { CERTIFICATE_METRIC_UNITS, CERTIFICATE_METRICS, type CertificateMetric, type CertificateMetrics } from './metric-names.js';
export { isCertificateScenario, parseCertificateScenario, resolveCertificateKey } from './parse.js';
export { planCertificateRun, type CertificatePointPlan } from './plan.js';
export { certificateKeyMessage } from './report.js';
export { runCertificateJobs } from './pool.js';
export { runCertificateSeed, type CertificateSeedRun } from './run-seed.js';
export { AUTHORITY_CODES, CERTIFICATE_MECHANISMS, certificateScenarioSchema, type CertificateMechanism, type CertificateScenario } from './schema.js';
export { simulateCertificates, type CertificateSimulateOptions } from './simulate.js';
export { buildCertificateWorld, type CertificateWorld } from './world.js';
