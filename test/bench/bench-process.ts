import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';
import { percentile } from './stats.js';

/** A process under test: started from its compiled script, reporting its own CPU time over IPC. */
export interface BenchProcess<Ready> {
  readonly ready: Ready;
  /** CPU milliseconds (user + system) the process has used so far. */
  cpuMs(): Promise<number>;
  stop(): void;
}

/** Starts `node script args` and waits for its `ready <json>` line. */
export function startBenchProcess<Ready>(script: string, args: readonly string[] = []): Promise<BenchProcess<Ready>> {
  const child: ChildProcess = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const json = /^ready (.+)$/.exec(line)?.[1];
      if (json === undefined) return;
      resolve({
        ready: JSON.parse(json) as Ready,
        cpuMs: () => new Promise((done) => {
          child.once('message', (usage) => done(((usage as NodeJS.CpuUsage).user + (usage as NodeJS.CpuUsage).system) / 1000));
          child.send('cpu');
        }),
        // SIGKILL: the runtimes trap SIGTERM for a graceful drain; a bench child need not drain.
        stop: () => void child.kill('SIGKILL'),
      });
    });
  });
}

/**
 * CPU milliseconds (user + system) a process the bench did not start over IPC has used so far,
 * read from Linux's /proc (ticks of 1/100 s, the kernel's USER_HZ); NaN where there is no /proc.
 */
export function cpuMsOfPid(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** What one load run measured. */
export interface Load {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  readonly failures: number;
}

/** POSTs `body` to `url` from `connections` connections for `seconds`; any non-2xx counts as a failure. */
export async function load(url: string, body: string, options: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<Load> {
  const result = await autocannon({
    url, method: 'POST', body, connections: options.connections, duration: options.seconds,
    headers: { 'content-type': 'application/json', ...options.headers },
  });
  return {
    rps: result.requests.total / options.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors,
  };
}

/** POSTs one GraphQL request and returns its JSON answer. */
export async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<{ data?: unknown; errors?: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return await response.json() as { data?: unknown; errors?: unknown };
}

/**
 * Latency to the microsecond: `connections` clients, each sending `body` to `url` one request
 * after another over its own keep-alive connection for `seconds`, timing each one.
 */
export async function timedLoad(url: string, body: string, options: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...options.headers };
  const deadline = performance.now() + options.seconds * 1000;
  const times: number[] = [];
  let failures = 0;
  const once = () => new Promise<void>((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => {
        times.push(performance.now() - started);
        if (res.statusCode !== 200) failures++;
        resolve();
      });
    });
    req.on('error', reject);
    req.end(body);
  });
  await Promise.all(Array.from({ length: options.connections }, async () => {
    while (performance.now() < deadline) await once();
  }));
  agent.destroy();
  return { rps: times.length / options.seconds, p50: percentile(times, 50), p99: percentile(times, 99), requests: times.length, failures };
}
