import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeGenesis, writeKeyPair } from '../../subgraphs/cli/index.js';
import { generateSigningKey } from '../../subgraphs/ledger/index.js';
import { freePort, startCli, stop } from '../support/node-process.js';
import { otlpReceiver } from '../support/otlp-receiver.js';
import { tempDir } from '../support/temp-dir.js';

describe('cli: a node\'s OpenTelemetry traces (OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  const children: Parameters<typeof stop>[0][] = [];
  afterAll(async () => {
    for (const child of children) await stop(child, 'SIGKILL');
  });

  it('every node is the service mra-hub-node; which authority\'s is the resource attribute mra.country (upper-cased, as the node takes --country)', async () => {
    const dir = tempDir();
    const keys = join(dir, 'keys');
    const key = generateSigningKey();
    writeKeyPair(keys, { country: 'CR', name: 'Customs CR' }, key);
    const genesis = join(dir, 'genesis.json');
    writeGenesis(genesis, 'tracing', [{ country: 'CR', name: 'Customs CR', publicKey: key.publicKey }], new Date('2026-01-01T00:00:00Z'));
    const collector = await otlpReceiver();
    try {
      const port = await freePort();
      const { child } = await startCli(['node', '--country', 'cr', '--data', join(dir, 'data'), '--keys', keys, '--genesis', genesis, '--port', String(port)], /node \(/, [],
        { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url.replace(/\/v1\/traces$/, '') });
      children.push(child);
      await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ mras { id } }' }) });
      await stop(child); // closing sends the spans
      const server = collector.spans.find((s) => s.name === 'mra-hub node CR');
      expect(server?.resource).toMatchObject({ 'service.name': 'mra-hub-node', 'mra.country': 'CR' });
    } finally {
      await collector.close();
    }
  });
});
