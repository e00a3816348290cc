import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, gatewayConfig, jsonLogger, startGateway } from '../../gateway/index.js';
import { composeBenchSupergraph, serveBenchSubgraphs } from '../bench/federation/index.js';
import { codesByPath, gql, post } from '../support/graphql-client.js';
import { tempDir } from '../support/temp-dir.js';
import { overWebSocket } from '../support/ws-probe.js';
import { startMraGateways, type MraGateways } from './mra-gateway.js';

const OPERATOR = '{ operator(aeoId: "CR-AEO-000042") { aeoId } }';

describe('gateway: what a frontend team and an operator of the gateway can rely on', () => {
  let mra: MraGateways;
  let url: string;
  const officer = () => mra.cluster.token('MX', 'officer');
  beforeAll(async () => {
    mra = await startMraGateways();
    url = mra.gateways.MX.url;
  });
  afterAll(async () => mra?.close());

  describe('authentication', () => {
    it('introspection is for authenticated authorities only', async () => {
      expect(codesByPath(await gql(url, '{ __schema { queryType { name } } }'))).toEqual({ '': 'UNAUTHENTICATED' });
      expect((await gql(url, '{ __schema { queryType { name } } }', {}, await officer())).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });

    it('a forged or malformed token is UNAUTHENTICATED with HTTP 401, before any node is asked', async () => {
      const [header, payload] = (await officer()).split('.');
      mra.sent.MX.bodies.splice(0);
      for (const bad of [`${header}.${payload}.${'A'.repeat(86)}`, 'not-a-jwt']) {
        const response = await gql(url, OPERATOR, {}, bad);
        expect(response.status).toBe(401);
        expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
      expect(mra.sent.MX.bodies.filter((b) => b.includes('CR-AEO-000042'))).toEqual([]);
    });
  });

  describe('limits (safe defaults, configurable)', () => {
    it(`the defaults refuse more than ${DEFAULT_LIMITS.maxAliases} aliases`, async () => {
      const aliases = Array.from({ length: DEFAULT_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: mras { id }`).join(' ');
      const response = await gql(url, `{ ${aliases} }`, {}, await officer());
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.[0]?.message).toMatch(/aliases/i);
    });

    it('depth, alias, token and cost limits are checked before execution', async () => {
      const strict = await mra.startGateway('MX', { limits: { maxDepth: 3, maxAliases: 1, maxTokens: 40, maxCost: 10 } });
      const token = await officer();
      const refused = async (query: string) => (await gql(strict.url, query, {}, token)).errors?.[0]?.message ?? 'accepted';
      expect(await refused('{ operators { edges { node { history { status } } } } }')).toMatch(/depth/i);
      expect(await refused('{ a: mras { id } b: mras { id } }')).toMatch(/aliases/i);
      expect(await refused(`{ mras { ${'id '.repeat(40)} } }`)).toMatch(/token/i);
      expect(await refused('{ mras { id name parties status terms { partner role fields } pending { version awaiting } } }')).toMatch(/cost/i);
      expect(await refused('{ mras { id } }')).toBe('accepted');
    });

    it('field suggestions are not given away', async () => {
      const response = await gql(url, '{ operatr(aeoId: "x") { aeoId } }', {}, await officer());
      expect(response.errors?.[0]?.message).not.toMatch(/Did you mean/);
    });
  });

  describe('HTTP protections', () => {
    it('CSRF: a simple (GET) request without a preflight header is refused', async () => {
      const plain = await fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`);
      expect(plain.status).toBe(403);
      const withHeader = await fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'x-mra-csrf': '1' } });
      expect(await withHeader.json()).toEqual({ data: { __typename: 'Query' } });
    });

    it('CORS: only configured origins are allowed (none by default)', async () => {
      const preflight = (target: string, origin: string) => fetch(target, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect((await preflight(url, 'https://officer.example')).headers.get('access-control-allow-origin')).toBeNull();
      const open = await mra.startGateway('MX', { cors: { origins: ['https://officer.example'] } });
      expect((await preflight(open.url, 'https://officer.example')).headers.get('access-control-allow-origin')).toBe('https://officer.example');
      expect((await preflight(open.url, 'https://evil.example')).headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    });

    it('GraphiQL is served from local assets: no CDN, no external address', async () => {
      const page = await fetch(url, { headers: { accept: 'text/html' } });
      const html = await page.text();
      expect(page.status).toBe(200);
      expect(html).toMatch(/graphiql/i);
      expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdn\.|<script[^>]+src="https?:/);
    });
  });

  describe('operations', () => {
    it('/healthz and /readyz answer; /metrics exposes Prometheus metrics per node fetch', async () => {
      const base = url.replace(/\/graphql$/, '');
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready', home: 'MX' });
      await gql(url, '{ operator(aeoId: "CR-AEO-000042") { riskScore } }', {}, await mra.cluster.token('MX', 'analyst'));
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(/graphql_envelop_request_duration/);
      expect(metrics).toMatch(/mra_node_fetch_duration_seconds_count\{[^}]*node="cr"[^}]*outcome="ok"\} 1/);
      expect(metrics).toMatch(/mra_node_fetch_duration_seconds_count\{[^}]*node="mx"/);
    });

    it('/metrics counts every operation once, whichever path answered it (the runtime, or the home lane for a repeated one)', async () => {
      const base = url.replace(/\/graphql$/, '');
      const token = await officer();
      for (let i = 0; i < 3; i++) await gql(url, 'query MetricsLookup { operator(aeoId: "CR-AEO-000042") { aeoId taxId } }', {}, token);
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(/graphql_envelop_request\{[^}]*operationName="MetricsLookup"[^}]*\} 3\n/);
      expect(metrics).toMatch(/graphql_envelop_request_duration_count\{[^}]*operationName="MetricsLookup"[^}]*\} 3\n/);
      // taxId is not shared with MX's officers: FORBIDDEN at operator.taxId, each time.
      expect(metrics).toMatch(/graphql_envelop_error_result\{[^}]*operationName="MetricsLookup"[^}]*phase="execute"[^}]*\} 3\n/);
    });

    it('regression: graphql_envelop_error_result has no path label, which made a series per list index (operators.edges.0.node.taxId, …) and per alias', async () => {
      const base = url.replace(/\/graphql$/, '');
      const response = await gql(url, 'query MetricsList { operators(country: "CR", first: 5) { edges { node { taxId } } } }', {}, await officer());
      expect(response.errors?.[0]?.path).toEqual(['operators', 'edges', 0, 'node', 'taxId']);
      const series = (await (await fetch(`${base}/metrics`)).text()).split('\n').filter((line) => line.startsWith('graphql_envelop_error_result{'));
      expect(series.filter((line) => line.includes('operationName="MetricsList"'))).toEqual([
        `graphql_envelop_error_result{operationName="MetricsList",operationType="query",phase="execute"} ${response.errors?.length}`,
      ]);
      expect(series.filter((line) => line.includes('path='))).toEqual([]);
    });

    it('/metrics counts a refused token as the runtime does on either path: an error of the context phase, not an operation', async () => {
      const base = url.replace(/\/graphql$/, '');
      const query = 'query MetricsRefused { operators { totalCount } }';
      await gql(url, query, {}, await officer());
      for (let i = 0; i < 2; i++) expect((await gql(url, query, {}, 'not-a-jwt')).status).toBe(401);
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(/graphql_envelop_request\{[^}]*operationName="MetricsRefused"[^}]*\} 1\n/);
      expect(metrics).toMatch(/graphql_envelop_error_result\{[^}]*operationName="MetricsRefused"[^}]*phase="context"[^}]*\} 2\n/);
    });

    it('logs are structured: one JSON object a line with time, level and message', () => {
      const started = mra.logs.find((line) => line.msg === 'gateway listening');
      expect(started).toMatchObject({ level: 'info', home: 'MX', subgraphs: ['cr', 'mx'] });
      expect(new Date(String(started?.time)).toISOString()).toBe(started?.time);
    });

    it('a client\'s bad request is answered (400, coded) and not logged as a fault: the error log is for the gateway\'s own faults', async () => {
      const token = await officer();
      const before = mra.logs.length;
      const tooDeep = `{ __type(name: "Operator") { ${'ofType { '.repeat(16)}name${' }'.repeat(16)} } }`;
      const tooLong = `{ ${Array.from({ length: 3500 }, () => '__typename').join(' ')} }`;
      const bad = [{ query: 7 }, { query: '{ operator(' }, { query: '{ operatr { aeoId } }' }, { query: '{ __typename }', variables: 'x' }, { query: tooDeep }, { query: tooLong }];
      for (const body of bad) {
        const response = await post(url, body, token, { accept: 'application/graphql-response+json' });
        expect(response.status).toBe(400);
        expect(response.errors?.[0]?.extensions?.code).toMatch(/^(BAD_REQUEST|GRAPHQL_PARSE_FAILED|GRAPHQL_VALIDATION_FAILED)$/);
      }
      // A body that is not JSON, on the fast lane and (from a browser page, with an Origin) the runtime's own path.
      for (const origin of [{}, { origin: 'http://localhost:1234' }] as Record<string, string>[]) {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...origin }, body: '{bad json' });
        expect(response.status).toBe(400);
        expect(((await response.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      }
      expect(mra.logs.slice(before).filter((line) => line.level === 'error')).toEqual([]);
    });

    it('a refused token is logged once, as a warning with its reason, on either path (the runtime, or the home lane)', async () => {
      const query = 'query RefusedTwice { operators { totalCount } }';
      await gql(url, query, {}, await officer()); // the home lane now knows the operation
      const before = mra.logs.length;
      for (let i = 0; i < 2; i++) expect((await gql(url, query, {}, 'not-a-jwt')).status).toBe(401);
      const lines = mra.logs.slice(before).filter((line) => line.level === 'warn' || line.level === 'error');
      expect(lines).toEqual([expect.objectContaining({ level: 'warn', msg: 'token refused', code: 'UNAUTHENTICATED' }), expect.objectContaining({ level: 'warn', msg: 'token refused' })]);
    });

    it('batched requests are not accepted (one operation a request)', async () => {
      const response = await post(url, [{ query: '{ __typename }' }, { query: '{ __typename }' }], await officer());
      expect(response.status).toBeGreaterThanOrEqual(400);
    });
  });

  describe('persisted (trusted) documents', () => {
    const dir = tempDir();
    it('only listed documents run, by documentId or Apollo\'s sha256Hash; others are refused', async () => {
      const file = join(dir, 'documents.json');
      writeFileSync(file, JSON.stringify({ 'op-42': OPERATOR }));
      const trusted = await mra.startGateway('MX', { persistedDocuments: { file } });
      const token = await officer();
      expect((await post(trusted.url, { documentId: 'op-42' }, token)).data).toEqual({ operator: { aeoId: 'CR-AEO-000042' } });
      expect((await post(trusted.url, { extensions: { persistedQuery: { version: 1, sha256Hash: 'op-42' } } }, token)).data).toEqual({ operator: { aeoId: 'CR-AEO-000042' } });
      const unknown = await post(trusted.url, { documentId: 'unknown' }, token);
      expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
      const byGet = await fetch(`${trusted.url}?documentId=op-42`, { headers: { authorization: `Bearer ${token}`, 'x-mra-csrf': '1' } });
      expect(await byGet.json()).toEqual({ data: { operator: { aeoId: 'CR-AEO-000042' } } });
      const before = mra.logs.length;
      const arbitrary = await post(trusted.url, { query: OPERATOR }, token, { accept: 'application/graphql-response+json' });
      expect([arbitrary.status, arbitrary.data, arbitrary.errors?.[0]?.extensions?.code]).toEqual([400, undefined, 'PERSISTED_QUERY_ONLY']);
      expect(arbitrary.errors?.[0]?.message).toMatch(/documentId/);
      expect(mra.logs.slice(before).filter((line) => line.level === 'error')).toEqual([]);
      // Over graphql-ws the same refusal ends that operation only (it closed the socket, 4500).
      const overWs = await overWebSocket(trusted.wsUrl, OPERATOR);
      expect([overWs.type, (overWs.payload as { extensions?: { code?: string } }[] | undefined)?.[0]?.extensions?.code]).toEqual(['error', 'PERSISTED_QUERY_ONLY']);
    });
  });
});

describe('gateway: starting without its nodes', () => {
  it('composes the node schema of this release, logs a warning, and /readyz says 503 until the home node answers', async () => {
    const lines: Record<string, unknown>[] = [];
    const gateway = await startGateway({
      config: gatewayConfig({ home: 'MX', nodes: [{ country: 'MX', url: 'http://127.0.0.1:9/graphql' }], listen: { port: 0 } }),
      log: jsonLogger({ level: 'info', now: () => new Date(), write: (line) => void lines.push(JSON.parse(line) as Record<string, unknown>) }),
    });
    try {
      expect(lines.find((l) => l.level === 'warn')).toMatchObject({ msg: expect.stringMatching(/node SDL unavailable/), country: 'MX' });
      const ready = await fetch(gateway.url.replace(/\/graphql$/, '/readyz'));
      expect(ready.status).toBe(503);
      const response = await gql(gateway.url, OPERATOR);
      expect(response.errors?.[0]?.extensions?.code).toBe('NODE_UNAVAILABLE');
      expect(JSON.stringify(response)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    } finally {
      await gateway.close();
    }
  });
});

describe('gateway: serving a supergraph file', () => {
  it('its start line names the subgraphs the supergraph joins, and no home (it authenticates no one)', async () => {
    const served = await serveBenchSubgraphs();
    const file = join(tempDir(), 'supergraph.graphql');
    writeFileSync(file, composeBenchSupergraph(served.subgraphs));
    const lines: Record<string, unknown>[] = [];
    const gateway = await startGateway({
      config: gatewayConfig({ supergraph: file, listen: { port: 0 } }),
      log: jsonLogger({ level: 'info', now: () => new Date(), write: (line) => void lines.push(JSON.parse(line) as Record<string, unknown>) }),
    });
    try {
      expect(lines.find((line) => line.msg === 'gateway listening')).toMatchObject({ home: null, subgraphs: ['accounts', 'inventory', 'products', 'reviews'] });
    } finally {
      await gateway.close();
      await served.close();
    }
  });
});
