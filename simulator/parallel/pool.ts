import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SimulationError } from '../errors.js';
import { runSeed, type SeedRun } from '../run-scenario.js';
import type { Job, JobResult } from './job.js';

/** Worker threads to use by default: one per core, never more than there are jobs. */
export const defaultWorkers = (jobs: number): number => Math.max(1, Math.min(availableParallelism(), jobs));

function spawn(): Worker {
  // From sources (tsx) the worker boots through a loader; from a compiled build it is plain JS.
  if (import.meta.url.endsWith('.js')) return new Worker(new URL('./worker.js', import.meta.url));
  return new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { entry: new URL('./worker.ts', import.meta.url).href } });
}

/**
 * Runs every job, on `workers` threads (1: in this thread). Results come back in job order, so
 * outputs do not depend on which thread finished first.
 */
export async function runJobs(jobs: readonly Job[], workers: number, onDone: (job: Job) => void = () => {}): Promise<SeedRun[]> {
  const results = new Array<SeedRun>(jobs.length);
  if (workers <= 1) {
    for (const job of jobs) {
      results[job.id] = await runSeed(job.scenario, job.seed, { declarations: job.declarations });
      onDone(job);
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
      thread.on('message', (result: JobResult) => {
        if ('error' in result) return reject(new SimulationError(`seed ${jobs[result.id]?.seed}: ${result.error}`, 'INTERNAL'));
        results[result.id] = result.run;
        onDone(jobs[result.id] as Job);
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
