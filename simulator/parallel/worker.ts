import { parentPort } from 'node:worker_threads';
import { runSeed } from '../run-scenario.js';
import type { Job, JobResult } from './job.js';

/* A worker thread: runs each job it is sent and posts the result back. */
parentPort?.on('message', (job: Job) => {
  runSeed(job.scenario, job.seed, { declarations: job.declarations }).then(
    (run) => parentPort?.postMessage({ id: job.id, run } satisfies JobResult),
    (error: unknown) => parentPort?.postMessage({ id: job.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } satisfies JobResult),
  );
});
