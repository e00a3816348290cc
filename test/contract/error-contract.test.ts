import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../subgraphs/node/index.js';
import type { SigningKey } from '../../subgraphs/ledger/index.js';
import { startMraGateways, type MraGateways } from '../gateway/mra-gateway.js';
import { overWebSocket } from '../support/ws-probe.js';
import { ERROR_CONTRACT, type Sender } from './error-table.js';

interface Answer {
  status: number;
  type: string | null;
  body: { data?: unknown; errors?: { message: string; path?: unknown; locations?: unknown; extensions?: { code?: string } }[] };
}

describe('one error contract: the same table against the Apollo node, the mercurius node and the gateway', () => {
  let mra: MraGateways;
  let servers: Record<string, string>;
  beforeAll(async () => {
    mra = await startMraGateways();
    servers = { 'Apollo node': mra.cluster.servers.CR.url, 'mercurius node': mra.cluster.servers.MX.url, gateway: mra.gateways.MX.url };
  });
  afterAll(async () => mra?.close());

  async function authorization(sender: Sender): Promise<string | undefined> {
    if (sender === 'anonymous') return undefined;
    if (sender === 'bad') return 'Bearer not-a-jwt';
    if (sender === 'expired') return `Bearer ${await mintToken(mra.cluster.net.keys.MX as SigningKey, { country: 'MX', role: 'officer', subject: 'officer@MX' }, new Date(Date.now() - 48 * 3600_000))}`;
    return `Bearer ${await mra.cluster.token('MX', 'officer')}`;
  }

  async function ask(url: string, body: string | Record<string, unknown>, sender: Sender): Promise<Answer> {
    const auth = await authorization(sender);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(auth ? { authorization: auth } : {}) },
      body: JSON.stringify(typeof body === 'string' ? { query: body } : body),
    });
    return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Answer['body'] };
  }

  for (const row of ERROR_CONTRACT) {
    it(`${row.kind}: HTTP ${row.status}, ${row.code ?? 'no error'}${row.path ? ` at ${row.path.join('.')}` : ''}`, async () => {
      const locations = new Map<string, unknown>();
      const faults = () => mra.logs.filter((line) => line.level === 'error').length;
      const faultsBefore = faults();
      for (const [name, url] of Object.entries(servers)) {
        const answer = await ask(url, row.body, row.sender);
        const first = answer.body.errors?.[0];
        locations.set(name, first?.locations);
        const seen = {
          status: answer.status,
          type: answer.type?.split(';')[0],
          code: first?.extensions?.code ?? null,
          path: first?.path,
          data: 'data' in answer.body ? answer.body.data : 'absent',
        };
        expect(seen, `${name}: ${JSON.stringify(answer.body)}`).toEqual({
          status: row.status, type: 'application/graphql-response+json', code: row.code, path: row.path, data: row.data,
        });
        if (row.message) expect(first?.message, name).toMatch(row.message);
        expect(answer.body.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR') ?? false, name).toBe(false);
      }
      // Where in the client's query: the same from every server (the gateway asks its home node over HTTP here).
      expect(locations.get('gateway'), JSON.stringify([...locations])).toEqual(locations.get('mercurius node'));
      expect(locations.get('Apollo node')).toEqual(locations.get('mercurius node'));
      // A client's error is answered, not logged as a fault.
      expect(faults(), JSON.stringify(mra.logs.slice(-3))).toBe(faultsBefore);
    });
  }

  it('CSRF prevention: a GET (which a browser page may send cross-site) without a CSRF header is 403 CSRF_PREVENTED on every server; with one it runs', async () => {
    const token = `Bearer ${await mra.cluster.token('MX', 'officer')}`;
    for (const [name, url] of Object.entries(servers)) {
      const get = (headers: Record<string, string>) => fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { authorization: token, ...headers } });
      const refused = await get({});
      const body = (await refused.json()) as Answer['body'];
      expect([refused.status, body.errors?.[0]?.extensions?.code, body.data], name).toEqual([403, 'CSRF_PREVENTED', undefined]);
      expect(body.errors?.[0]?.message, name).toMatch(/x-mra-csrf/);
      expect(await (await get({ 'x-mra-csrf': '1' })).json(), name).toEqual({ data: { __typename: 'Query' } });
    }
  });

  it('node down (the gateway; a node is itself the server that is down): the rest is answered, NODE_UNAVAILABLE (HTTP 200) at the fields only that node holds', async () => {
    const gateway = await mra.startGateway('MX', { nodes: [{ country: 'MX', url: mra.sent.MX.url }, { country: 'CR', url: 'http://127.0.0.1:9/graphql' }] });
    const analyst = `Bearer ${await mra.cluster.token('MX', 'analyst')}`;
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: analyst },
      body: JSON.stringify({ query: '{ operator(aeoId: "CR-AEO-000042") { aeoId legalName riskScore } }' }),
    });
    const body = (await response.json()) as Answer['body'];
    expect(response.status).toBe(200);
    expect(body.data).toEqual({ operator: { aeoId: 'CR-AEO-000042', legalName: 'Exportadora 42 S.A.', riskScore: null } });
    expect(body.errors?.map((e) => [e.path, e.extensions?.code, e.message])).toEqual([[['operator', 'riskScore'], 'NODE_UNAVAILABLE', expect.stringMatching(/CR/)]]);
  });

  it('SSE at the gateway: a bad token is 401 UNAUTHENTICATED before any event, anonymous introspection is refused, as over HTTP', async () => {
    for (const [authorization, query, message] of [
      ['Bearer not-a-jwt', 'subscription { operatorStatusChanged { aeoId } }', /not a JWT/],
      [undefined, '{ __schema { queryType { name } } }', /introspection/],
    ] as const) {
      const response = await fetch(mra.gateways.MX.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query }),
      });
      expect(response.status).toBe(401);
      const text = await response.text();
      const event = JSON.parse(/data: (.*)/.exec(text)?.[1] ?? '{}') as Answer['body'];
      expect(event.data).toBeUndefined();
      expect(event.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(event.errors?.[0]?.message).toMatch(message);
    }
  });

  it('graphql-ws: every server refuses an invalid operation as over HTTP (coded, no suggestions, no HTTP details)', async () => {
    const wsUrls = { 'Apollo node': mra.cluster.servers.CR.wsUrl, 'mercurius node': mra.cluster.servers.MX.wsUrl, gateway: mra.gateways.MX.wsUrl };
    for (const [name, wsUrl] of Object.entries(wsUrls)) {
      const result = await overWebSocket(wsUrl, 'subscription { operatorStatusChanged { aeoI } }');
      // graphql-ws sends a refusal as an `error` message (a list) or, from the gateway, a `next` with errors.
      const payload = result.payload as { errors?: unknown[] } | unknown[] | undefined;
      const errors = (Array.isArray(payload) ? payload : payload?.errors ?? []) as { message: string; extensions?: Record<string, unknown> }[];
      expect(errors[0]?.message, name).toMatch(/^Cannot query field "aeoI" on type "OperatorStatusChange"\.$/);
      expect(errors[0]?.extensions?.code, name).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(errors[0]?.extensions?.http, name).toBeUndefined();
    }
  });
});
