import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { freePort } from './node-process.js';

/** A redis-server this test started: stopped by its own process id, never by name. */
export interface RedisServer {
  readonly port: number;
  readonly url: string;
  readonly pid: number;
  /** Kills this server (SIGKILL: a crash, data gone) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Whether redis-server is installed; with REQUIRE_REDIS=1 (CI) its absence is an error. */
export async function redisServerAvailable(): Promise<boolean> {
  const found = await new Promise<boolean>((resolve) => {
    const probe = spawn('redis-server', ['--version'], { stdio: 'ignore' });
    probe.once('error', () => resolve(false));
    probe.once('exit', (code) => resolve(code === 0));
  });
  if (!found && process.env.REQUIRE_REDIS === '1') throw new Error('REQUIRE_REDIS=1 but redis-server is not installed');
  return found;
}

function answers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts an empty, non-persistent redis-server on `port` (a free one by default), bound to
 * `bind`, optionally inside a network namespace; resolves once it accepts connections.
 */
export async function startRedisServer(options: { port?: number; bind?: string; netns?: string } = {}): Promise<RedisServer> {
  const port = options.port ?? (await freePort());
  const bind = options.bind ?? '127.0.0.1';
  const args = ['--port', String(port), '--bind', bind, '--save', '', '--appendonly', 'no', '--protected-mode', 'no'];
  const child: ChildProcess = options.netns
    ? spawn('ip', ['netns', 'exec', options.netns, 'redis-server', ...args], { stdio: 'ignore' })
    : spawn('redis-server', args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 20_000;
  while (!options.netns && !(await answers(port))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    url: `redis://${bind === '0.0.0.0' ? '127.0.0.1' : bind}:${port}`,
    pid: child.pid ?? -1,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
