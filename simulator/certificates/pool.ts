import { availableParallelism } from 'node:os';
import { runOnThreads, workerBeside } from '../parallel/threads.js';
import { runCertificateSeed, type CertificateSeedRun } from './run-seed.js';
import type { CertificateJob } from './worker.js';

const spawn = workerBeside(import.meta.url);

/**
 * Runs every certificate job on `workers` threads (default: one per core, at most one per job;
 * 1: in this thread), results in job order.
 */
export function runCertificateJobs(jobs: readonly CertificateJob[], workers = Math.min(availableParallelism(), jobs.length), onDone: () => void = () => {}): Promise<CertificateSeedRun[]> {
  return runOnThreads(jobs, workers, spawn, (job) => runCertificateSeed(job.scenario, job.seed), onDone);
}
