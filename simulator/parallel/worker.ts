import { runSeed } from '../run-scenario.js';
import type { Job } from './job.js';
import { serveJobs } from './threads.js';

/* A worker thread: runs each AEO scenario job it is sent and posts the result back. */
serveJobs((job: Job) => runSeed(job.scenario, job.seed, { declarations: job.declarations }));
