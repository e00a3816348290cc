import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeGenesis, writeKeyPair } from '../../subgraphs/cli/index.js';
import { composeBenchSupergraph, serveBenchSubgraphs } from '../bench/federation/index.js';
import { generateSigningKey } from '../../subgraphs/ledger/index.js';
import { eventually } from '../support/eventually.js';
import { freePort, startCli, stop } from '../support/node-process.js';
import { otlpReceiver } from '../support/otlp-receiver.js';
import { tempDir } from '../support/temp-dir.js';

type Child = Parameters<typeof stop>[0];

/** Sends `signal` as soon as the process says it is ready, and resolves with how it ended. */
function exitOn(child: Child, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, by) => resolve({ code, signal: by })));
  child.kill(signal);
  return exited;
}

describe('cli: clean shutdown on SIGTERM and SIGINT, for every server kind', () => {
  const children: Child[] = [];
  afterAll(async () => {
    for (const child of children) await stop(child, 'SIGKILL');
  });

  /** A one-authority network in a fresh directory: keys and genesis. */
  function network(): { dir: string; keys: string; genesis: string } {
    const dir = tempDir();
    const keys = join(dir, 'keys');
    const key = generateSigningKey();
    writeKeyPair(keys, { country: 'MX', name: 'Customs MX' }, key);
    const genesis = join(dir, 'genesis.json');
    writeGenesis(genesis, 'shutdown', [{ country: 'MX', name: 'Customs MX', publicKey: key.publicKey }], new Date('2026-01-01T00:00:00Z'));
    return { dir, keys, genesis };
  }

  for (const stack of ['apollo', 'mercurius'] as const) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      it(`regression: a node on ${stack} exits 0 on ${signal}, even one sent the moment it is ready`, async () => {
        const { dir, keys, genesis } = network();
        const { child } = await startCli(['node', '--country', 'MX', '--data', join(dir, 'data'), '--keys', keys, '--genesis', genesis, '--port', String(await freePort()), '--server', stack], /node \(/);
        children.push(child);
        expect(await exitOn(child, signal)).toEqual({ code: 0, signal: null });
      });
    }
  }

  for (const stack of ['apollo', 'mercurius'] as const) {
    it(`a node on ${stack} answers a request in flight when SIGTERM comes, then exits 0`, async () => {
      const { dir, keys, genesis } = network();
      const port = await freePort();
      const { child, output } = await startCli(['node', '--country', 'MX', '--data', join(dir, 'data'), '--keys', keys, '--genesis', genesis, '--port', String(port), '--server', stack], /node \(/);
      children.push(child);
      const body = JSON.stringify({ query: '{ mras { id } }' });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
        // `Expect: 100-continue`: the server's "continue" proves it holds the request before the signal is sent.
        const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' } }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => void (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject);
        req.on('continue', () => {
          child.kill('SIGTERM');
          // The rest of the body only once the process says it is closing.
          void eventually(() => output.some((line) => /SIGTERM: closing/.test(line)), 10_000).then(() => req.end(body), reject);
        });
        req.flushHeaders();
      });
      const answer = await answered;
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toEqual({ data: { mras: [] } });
      expect(await exited).toBe(0);
    });
  }

  it('regression: a traced node sends the spans of its last request before it exits on SIGTERM (the batch waits 500 ms; exit came first)', async () => {
    const { dir, keys, genesis } = network();
    const collector = await otlpReceiver();
    try {
      const port = await freePort();
      const { child } = await startCli(['node', '--country', 'MX', '--data', join(dir, 'data'), '--keys', keys, '--genesis', genesis, '--port', String(port)], /node \(/, [],
        { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url.replace(/\/v1\/traces$/, '') });
      children.push(child);
      const answer = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ mras { id } }' }) });
      expect(await answer.json()).toEqual({ data: { mras: [] } });
      expect(await exitOn(child, 'SIGTERM')).toEqual({ code: 0, signal: null });
      expect(collector.spans.filter((s) => s.name === 'mra-hub node MX').map((s) => s.service)).toEqual(['mra-hub-node']);
    } finally {
      await collector.close();
    }
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`a gateway exits 0 on ${signal}`, async () => {
      const dir = tempDir();
      const served = await serveBenchSubgraphs();
      const file = join(dir, 'supergraph.graphql');
      writeFileSync(file, composeBenchSupergraph(served.subgraphs));
      try {
        const { child } = await startCli(['gateway', '--supergraph', file, '--port', '0'], /^gateway at /);
        children.push(child);
        expect(await exitOn(child, signal)).toEqual({ code: 0, signal: null });
      } finally {
        await served.close();
      }
    });
  }
});
