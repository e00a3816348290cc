import { parentPort, Worker } from 'node:worker_threads';
import { SimulationError } from '../errors.js';

/** What every worker thread answers a job with. */
export type ThreadResult<R> = { readonly id: number; readonly run: R } | { readonly id: number; readonly error: string };

/**
 * Starts the `worker` module that sits beside the calling module (`callerUrl`): the compiled
 * `worker.js` in a build, or from sources (tsx) `worker.ts` booted through the simulator's loader.
 */
export function workerBeside(callerUrl: string): () => Worker {
  return () => {
    if (callerUrl.endsWith('.js')) return new Worker(new URL('./worker.js', callerUrl));
    return new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { entry: new URL('./worker.ts', callerUrl).href } });
  };
}

/**
 * Runs every job (ids 0..n-1) on `workers` threads started by `spawn` (1 or fewer: in this thread,
 * with `runHere`). Results come back in job order, so outputs do not depend on which thread
 * finished first. A job that fails in a thread fails the whole run, naming its seed.
 */
export async function runOnThreads<J extends { readonly id: number; readonly seed: number }, R>(
  jobs: readonly J[], workers: number, spawn: () => Worker, runHere: (job: J) => R | Promise<R>, onDone: (job: J) => void,
): Promise<R[]> {
  const results = new Array<R>(jobs.length);
  if (workers <= 1) {
    for (const job of jobs) {
      results[job.id] = await runHere(job);
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
      thread.on('message', (result: ThreadResult<R>) => {
        if ('error' in result) return reject(new SimulationError(`seed ${jobs[result.id]?.seed}: ${result.error}`, 'INTERNAL'));
        results[result.id] = result.run;
        onDone(jobs[result.id] as J);
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

/** The worker side: runs each job this thread is sent and posts its result (or its error) back. */
export function serveJobs<J extends { readonly id: number }, R>(run: (job: J) => R | Promise<R>): void {
  parentPort?.on('message', (job: J) => {
    Promise.resolve().then(() => run(job)).then(
      (result) => parentPort?.postMessage({ id: job.id, run: result } satisfies ThreadResult<R>),
      (error: unknown) => parentPort?.postMessage({ id: job.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } satisfies ThreadResult<R>),
    );
  });
}
