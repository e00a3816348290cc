import { execFile, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { join } from 'node:path';
import { budget } from './budget.js';

const BIN = join(import.meta.dirname, '..', '..', 'subgraphs', 'cli', 'mra-hub.mjs');

/** What a CLI run gave: its exit status (null: killed) and its output. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real `mra-hub` executable and returns its exit status and output. One still running
 * after the budget is killed with SIGKILL (status null): a CLI deaf to SIGTERM would hang here.
 * It blocks the test's event loop: a spec that also talks to a server it keeps running uses
 * runCliAsync, or a keep-alive connection the server closed meanwhile goes unnoticed and the
 * next request on it fails ("other side closed"), as it did on a loaded machine.
 */
export function runCli(args: readonly string[], options: Pick<SpawnSyncOptions, 'cwd' | 'env'> = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: budget(60_000), killSignal: 'SIGKILL', ...options });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** runCli without blocking the event loop. */
export function runCliAsync(args: readonly string[], options: { cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: budget(60_000), killSignal: 'SIGKILL', ...options }, (error, stdout, stderr) => {
      const code = (error as { code?: unknown } | null)?.code;
      resolve({ status: error ? (typeof code === 'number' ? code : null) : 0, stdout, stderr });
    });
  });
}
