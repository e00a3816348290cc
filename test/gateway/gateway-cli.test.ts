import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatewayConfig, jsonLogger, startGateway } from '../../gateway/index.js';
import { BENCH_QUERY, composeBenchSupergraph, serveBenchSubgraphs } from '../bench/federation/index.js';
import { gql } from '../support/graphql-client.js';
import { startCli, stop } from '../support/node-process.js';
import { runCli, runCliAsync } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

describe('mra-hub gateway and npm start', () => {

  it('`--supergraph file` serves any Federation 2 supergraph as it is, with a health endpoint (what the federation audit needs)', async () => {
    const dir = tempDir();
    const served = await serveBenchSubgraphs();
    const file = join(dir, 'supergraph.graphql');
    writeFileSync(file, composeBenchSupergraph(served.subgraphs));
    const { child, output } = await startCli(['gateway', '--supergraph', file, '--port', '0'], /^gateway at /);
    try {
      const url = /gateway at (\S+)/.exec(output.join('\n'))?.[1] ?? '';
      expect((await fetch(url.replace(/\/graphql$/, '/healthz'))).status).toBe(200);
      const response = await gql<{ users: { reviews: unknown[] }[]; topProducts: Record<string, unknown>[] }>(url, BENCH_QUERY);
      expect(response.errors).toBeUndefined();
      expect(response.data?.users).toHaveLength(10);
      expect(response.data?.users[0]?.reviews).toHaveLength(3);
      // inStock from inventory; shippingEstimate @requires price and weight from products.
      expect(response.data?.topProducts[0]).toMatchObject({ name: 'Product 1', price: 100, inStock: false, shippingEstimate: 5 });
    } finally {
      await stop(child);
      await served.close();
    }
  });

  it('`--print-supergraph` prints the supergraph it would serve (stdout: the SDL alone), which `--supergraph file` then serves', async () => {
    const served = await serveBenchSubgraphs();
    try {
      const printed = await runCliAsync(['gateway', ...served.subgraphs.flatMap(({ name, url }) => ['--subgraph', `${name}=${url}`]), '--print-supergraph']);
      expect([printed.status, printed.stderr]).toEqual([0, '']);
      const file = join(tempDir(), 'supergraph.graphql');
      writeFileSync(file, printed.stdout);
      const gateway = await startGateway({ config: gatewayConfig({ supergraph: file, listen: { port: 0 } }), log: jsonLogger({ level: 'warn', now: () => new Date(), write: () => undefined }) });
      try {
        const response = await gql<{ users: unknown[] }>(gateway.url, BENCH_QUERY);
        expect(response.errors).toBeUndefined();
        expect(response.data?.users).toHaveLength(10);
      } finally {
        await gateway.close();
      }
    } finally {
      await served.close();
    }
  });

  it('a bad gateway.yaml is refused with its file, line and key, and exit status 2', () => {
    const file = join(tempDir(), 'gateway.yaml');
    writeFileSync(file, 'home: MX\nnodes:\n  - country: MX\n    url: not-a-url\n');
    const result = runCli(['gateway', '--config', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/gateway\.yaml:4: nodes\[0\]\.url: expected an http\(s\) URL/);
  });

  it('`npm start` (mra-hub demo) runs nodes, the signed MRA, seeded AEOs, a CR certificate MX reads and PE cannot, and a gateway, and prints GraphiQL\'s URL and an officer token', () => {
    const data = join(tempDir(), 'demo');
    const result = runCli(['demo', '--once', '--port', '0', '--data', data]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // Each demo node signs checkpoints of its own chain, so the audit it prints can tell a truncated chain.
    expect(result.stdout).toContain(`npx mra-hub ledger verify ${join(data, 'mx')} --genesis`);
    const audit = runCli(['ledger', 'verify', join(data, 'mx'), '--genesis', join(data, 'genesis.json')]);
    expect(audit.status).toBe(0);
    expect(audit.stdout).toMatch(/^ {2}MX +4 entries .* checkpoint ok/m);
    expect(audit.stdout).toMatch(/^ {2}CR +\d+ entries .* checkpoint ok/m);
    expect(result.stdout).toMatch(/CADENA MX–CR .* ACTIVE/);
    expect(result.stdout).toMatch(/taxId FORBIDDEN/);
    expect(result.stdout).toMatch(/hears SUSPENDED after \d+ ms/);
    expect(result.stdout).toMatch(/CR's plant protection issues CR-PC-2026-000123 .* digest [0-9a-f]{12}…; the document stays at CR's node/);
    expect(result.stdout).toMatch(/an MX officer reads CR-PC-2026-000123 through MX's gateway: status ISSUED, Fresh pineapples .* 18,000 KGM from Piñas del Caribe S\.A\., entry at Veracruz/);
    expect(result.stdout).toMatch(/npx mra-hub certificate verify \S*CR-PC-2026-000123\.xml --node http:\/\/127\.0\.0\.1:\d+\/graphql/);
    expect(result.stdout).toMatch(/a PE officer \(a third authority\) asks for CR-PC-2026-000123: FORBIDDEN at CR's node, FORBIDDEN at PE's own node/);
    expect(result.stdout).toMatch(/GraphiQL.*\nhttp:\/\/127\.0\.0\.1:\d+\/graphql\?query=%7B/);
    expect(result.stdout).toMatch(/export TOKEN=eyJ[\w-]+\.[\w-]+\.[\w-]+/);
  });
});
