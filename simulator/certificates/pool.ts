import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SimulationError } from '../errors.js';
import { runCertificateSeed, type CertificateSeedRun } from './run-seed.js';
import type { CertificateJob, CertificateJobResult } from './worker.js';

function spawn(): Worker {
  // From sources (tsx) the worker boots through the simulator's loader; from a build it is plain JS.
  if (import.meta.url.endsWith('.js')) return new Worker(new URL('./worker.js', import.meta.url));
  return new Worker(new URL('../parallel/worker-boot.mjs', import.meta.url), { workerData: { entry: new URL('./worker.ts', import.meta.url).href } });
}

/**
 * Runs every job on `workers` threads (default: one per core, at most one per job; 1: in this
 * thread). Results come back in job order, so outputs do not depend on which thread finished first.
 */
export async function runCertificateJobs(jobs: readonly CertificateJob[], workers = Math.min(availableParallelism(), jobs.length), onDone: () => void = () => {}): Promise<CertificateSeedRun[]> {
  const results = new Array<CertificateSeedRun>(jobs.length);
  if (workers <= 1) {
    for (const job of jobs) {
      results[job.id] = runCertificateSeed(job.scenario, job.seed);
      onDone();
    }
    return results;
  }
  const queue = [...jobs];
  const threads = Array.from({ length: Math.min(workers, jobs.length) }, spawn);
  try {
    await Promise.all(threads.map((thread) => new Promise<void>((resolve, reject) => {
      const next = () => {
        const job = queue.shift();
        if (job) thread.postMessage(job);
        else resolve();
      };
      thread.on('message', (result: CertificateJobResult) => {
        if ('error' in result) return reject(new SimulationError(`seed ${jobs[result.id]?.seed}: ${result.error}`, 'INTERNAL'));
        results[result.id] = result.run;
        onDone();
        next();
      });
      thread.on('error', reject);
      next();
    })));
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
  return results;
}
