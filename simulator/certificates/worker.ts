import { parentPort } from 'node:worker_threads';
import { runCertificateSeed, type CertificateSeedRun } from './run-seed.js';
import type { CertificateScenario } from './schema.js';

/** One seed of one point, sent to a worker thread. */
export interface CertificateJob {
  readonly id: number;
  readonly scenario: CertificateScenario;
  readonly seed: number;
}

export type CertificateJobResult = { readonly id: number; readonly run: CertificateSeedRun } | { readonly id: number; readonly error: string };

/* A worker thread: runs each job it is sent and posts the result back. */
parentPort?.on('message', (job: CertificateJob) => {
  try {
    parentPort?.postMessage({ id: job.id, run: runCertificateSeed(job.scenario, job.seed) } satisfies CertificateJobResult);
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } satisfies CertificateJobResult);
  }
});
