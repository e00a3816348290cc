import { serveJobs } from '../parallel/threads.js';
import { runCertificateSeed } from './run-seed.js';
import type { CertificateScenario } from './schema.js';

/** One seed of one point, sent to a worker thread. */
export interface CertificateJob {
  readonly id: number;
  readonly scenario: CertificateScenario;
  readonly seed: number;
}

/* A worker thread: runs each certificate job it is sent and posts the result back. */
serveJobs((job: CertificateJob) => runCertificateSeed(job.scenario, job.seed));
