import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { budget } from './budget.js';

const BIN = join(import.meta.dirname, '..', '..', 'subgraphs', 'cli', 'mra-hub.mjs');

/**
 * Runs the real `mra-hub` executable and returns its exit status and output. One still running
 * after the budget is killed with SIGKILL (status null): a CLI deaf to SIGTERM would hang here.
 */
export function runCli(args: readonly string[], options: { cwd?: string } = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: budget(60_000), killSignal: 'SIGKILL', ...options });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
