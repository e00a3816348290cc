import { availableParallelism } from 'node:os';
import { runSeed, type SeedRun } from '../run-scenario.js';
import type { Job } from './job.js';
import { runOnThreads, workerBeside } from './threads.js';

/** Worker threads to use by default: one per core, never more than there are jobs. */
export const defaultWorkers = (jobs: number): number => Math.max(1, Math.min(availableParallelism(), jobs));

const spawn = workerBeside(import.meta.url);

/** Runs every AEO scenario job on `workers` threads (1: in this thread), results in job order. */
export function runJobs(jobs: readonly Job[], workers: number, onDone: (job: Job) => void = () => {}): Promise<SeedRun[]> {
  return runOnThreads(jobs, workers, spawn, (job) => runSeed(job.scenario, job.seed, { declarations: job.declarations }), onDone);
}
