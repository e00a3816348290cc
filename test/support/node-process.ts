import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { packageRoot } from '../../subgraphs/config/package-root.js';
import { budget } from './budget.js';

// The package's own CLI, from test/support/ or its compiled copy under dist/ alike (the benches run compiled).
const BIN = join(packageRoot(import.meta.dirname), 'subgraphs', 'cli', 'mra-hub.mjs');

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `mra-hub <args>` (with `env` added to this process's environment) and resolves once it
 * prints a line matching `ready`; one that never does is killed.
 */
export function startCli(args: readonly string[], ready: RegExp, prefix: readonly string[] = [], env: Readonly<Record<string, string>> = {}): Promise<{ child: ChildProcess; output: string[] }> {
  return new Promise((resolve, reject) => {
    // `prefix` runs the CLI through another command, e.g. `ip netns exec <ns>`.
    const [command, ...rest] = prefix.length > 0 ? [...prefix, process.execPath, BIN, ...args] : [process.execPath, BIN, ...args];
    const child = spawn(command as string, rest, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const output: string[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mra-hub ${args.join(' ')} not ready: ${output.join('\n')}`));
    }, budget(30_000));
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        output.push(line);
        if (ready.test(line)) {
          clearTimeout(timer);
          resolve({ child, output });
        }
      });
    }
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`mra-hub ${args.join(' ')} exited with ${code}: ${output.join('\n')}`));
    });
  });
}

/**
 * Starts `mra-hub <args>` and returns at once with the process and its output lines as they come,
 * for a spec that acts before the command is ready (a signal during start-up).
 */
export function spawnCli(args: readonly string[]): { child: ChildProcess; output: string[]; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => output.push(line));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output, exited };
}

/** How a `mra-hub` run ended: it exited (status, output), or it got `ready` and was stopped (SIGKILL). */
export type ExitOrReady = { readonly status: number | null; readonly stdout: string; readonly stderr: string } | 'ready';

/**
 * Runs `mra-hub <args>` until it exits or prints a line matching `ready`. For a start that must be
 * refused: one that starts serving instead is killed at once, and the spec fails fast on 'ready'.
 */
export function exitOrReady(args: readonly string[], ready: RegExp): Promise<ExitOrReady> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let served = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), budget(30_000));
    const seen = (line: string) => {
      if (!served && ready.test(line)) {
        served = true;
        child.kill('SIGKILL');
      }
    };
    createInterface({ input: child.stdout }).on('line', (line) => {
      stdout += `${line}\n`;
      seen(line);
    });
    createInterface({ input: child.stderr }).on('line', (line) => {
      stderr += `${line}\n`;
      seen(line);
    });
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve(served ? 'ready' : { status, stdout, stderr });
    });
  });
}

/** Stops a child process and waits for it to exit. */
export function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
