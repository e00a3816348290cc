import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { packageRoot } from '../../subgraphs/config/package-root.js';
import { budget } from './budget.js';
import { processTree } from './process-tree.js';

const ROOT = packageRoot(import.meta.dirname);

/**
 * Runs `npm <args>` or `npx <args>` in the project folder, as an operator would type it, and
 * resolves once it prints a line matching `ready`; one that never does is killed, with every
 * process below it. The command leads a process group of its own, so a signal to the group reaches
 * its whole tree, as Ctrl-C does in a terminal, and none reaches the test runner.
 */
export function startNpm(command: 'npm' | 'npx', args: readonly string[], ready: RegExp): Promise<{ child: ChildProcess; output: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    const timer = setTimeout(() => {
      for (const proc of child.pid === undefined ? [] : processTree(child.pid)) process.kill(proc.pid, 'SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} not ready: ${output.join('\n')}`));
    }, budget(60_000));
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        output.push(line);
        if (ready.test(line)) {
          clearTimeout(timer);
          resolve({ child, output });
        }
      });
    }
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${output.join('\n')}`));
    });
  });
}
