import { whenParentGone } from './parent-watch.js';

/** How long closing may take after SIGINT or SIGTERM before the process gives up (exit 1). */
export const SHUTDOWN_DEADLINE_MS = 10_000;

/** What a long-running command closes when it is told to stop. */
export interface Shutdown {
  /**
   * Hands over what to close; if a signal came during start-up, closing starts now. A start that
   * fails closes what it opened itself and never calls this; a signal during it still ends the
   * process by the deadline.
   */
  closeWith(close: () => Promise<void>): void;
  /** Aborted once a signal came: a start-up checks it before its next step (above all, listening). */
  readonly requested: AbortSignal;
}

/**
 * Handles SIGINT and SIGTERM from the start of a long-running command (before it starts
 * anything, so a signal during start-up is not the default "die at once"): servers stop
 * accepting, finish in-flight requests, replicators and files close, finished trace spans are
 * sent, and the process exits 0; 1 if closing fails or takes longer than `deadlineMs`. Started by
 * npm (`npx mra-hub …`), the same happens when the npm that started it is gone: the SIGTERM a
 * supervisor sends npm dies with npm's `sh -c` (see whenParentGone). Closing starts once,
 * however many of these come (Ctrl-C signals npm, its shell and this process alike).
 */
export function onSignal(deadlineMs = SHUTDOWN_DEADLINE_MS): Shutdown {
  let close: (() => Promise<void>) | undefined;
  let signalled = false;
  const requested = new AbortController();
  const run = (fn: () => Promise<void>) => {
    fn().then(flushTraces).then(() => process.exit(0), (error: unknown) => {
      console.error(`mra-hub: closing failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
  };
  const stop = (why: string) => {
    if (signalled) return;
    signalled = true;
    requested.abort();
    console.error(`mra-hub: ${why}: closing (stop accepting, finish requests in flight; at most ${deadlineMs} ms)`);
    // The deadline runs from the signal, start-up included: a start that never ends (a listen or
    // a connection that hangs) cannot leave the process deaf to SIGTERM; unref'd, it keeps nothing alive.
    setTimeout(() => {
      console.error(`mra-hub: still closing after ${deadlineMs} ms; exiting`);
      process.exit(1);
    }, deadlineMs).unref();
    if (close) run(close);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  whenParentGone((parent) => stop(`parent process ${parent} (npm or npx) exited`));
  return {
    requested: requested.signal,
    closeWith(fn) {
      close = fn;
      if (signalled) run(fn);
    },
  };
}

/**
 * Sends the spans still batched (tracing set up from OTEL_EXPORTER_OTLP_ENDPOINT or a gateway's
 * config), which `process.exit` would drop; within the same deadline as the rest of closing.
 * The servers that call this have loaded the telemetry module already.
 */
async function flushTraces(): Promise<void> {
  const { flushTracing } = await import('../telemetry/index.js');
  await flushTracing();
}
