/** How often a server npm started looks whether the process that started it is still there. */
export const PARENT_POLL_MS = 500;

/** Where whenParentGone looks; the defaults are this process's. */
export interface ParentWatchOptions {
  /** The environment npm's variables are looked for in. */
  readonly env?: NodeJS.ProcessEnv;
  /** The parent's process id now (read again at each look). */
  readonly ppid?: () => number;
  readonly pollMs?: number;
}

/**
 * Calls `onGone` once with the parent's process id when the process that started this one exits,
 * if npm started it; returns a function that stops watching. The poll keeps nothing alive.
 *
 * `npx mra-hub …` (and any `npm run` script that does not exec its command) runs the command
 * through `sh -c`; npm forwards SIGTERM to that shell alone, and dash dies of it without passing
 * it on, so the server was left running under init. A process started by npm (npm puts
 * `npm_lifecycle_event` in the environment, for npx too) therefore watches its parent's id: Linux
 * gives an orphan a new parent (init or a subreaper). Started any other way (systemd, docker,
 * nohup, a shell), nothing is watched, and the server outlives whoever started it, as it should.
 */
export function whenParentGone(onGone: (parent: number) => void, options: ParentWatchOptions = {}): () => void {
  const env = options.env ?? process.env;
  const ppid = options.ppid ?? (() => process.ppid);
  if (!env.npm_lifecycle_event) return () => undefined;
  const parent = ppid();
  const timer = setInterval(() => {
    if (ppid() === parent) return;
    clearInterval(timer);
    onGone(parent);
  }, options.pollMs ?? PARENT_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
