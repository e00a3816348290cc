import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../subgraphs/node/index.js';
import { generateSigningKey, type SigningKey } from '../../subgraphs/ledger/index.js';
import { startMraGateways, type MraGateways } from '../gateway/mra-gateway.js';
import { budget } from '../support/budget.js';
import { eventually } from '../support/eventually.js';
import { gql } from '../support/graphql-client.js';
import { overWebSocket, wsSession } from '../support/ws-probe.js';
import { ERROR_CONTRACT, type Sender } from './error-table.js';
import { subscribersOnEveryServer } from './subscribers.js';

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

  async function ask(url: string, body: string | Record<string, unknown>, sender: Sender, accept = 'application/graphql-response+json', raw?: string): Promise<Answer> {
    const auth = await authorization(sender);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept, ...(auth ? { authorization: auth } : {}) },
      body: raw ?? JSON.stringify(typeof body === 'string' ? { query: body } : body),
    });
    return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Answer['body'] };
  }

  for (const row of ERROR_CONTRACT) {
    it(`${row.kind}: HTTP ${row.status}, ${row.code ?? 'no error'}${row.path ? ` at ${row.path.join('.')}` : ''}`, async () => {
      const locations = new Map<string, unknown>();
      const faults = () => mra.logs.filter((line) => line.level === 'error').length;
      const faultsBefore = faults();
      for (const [name, url] of Object.entries(servers)) {
        const answer = await ask(url, row.body, row.sender, row.accept, row.raw);
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
          status: row.status, type: row.type ?? 'application/graphql-response+json', code: row.code, path: row.path, data: row.data,
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

  it('no media type acceptable: 406 before the operation runs, on every server (a mutation changes nothing)', async () => {
    const accept = 'application/graphql-response+json;q=0, application/json;q=0';
    const owners = [
      ['Apollo node', mra.cluster.servers.CR.url, 'CR', 'CR-AEO-000042'], ['mercurius node', mra.cluster.servers.MX.url, 'MX', 'MX-AEO-000001'], ['gateway', mra.gateways.MX.url, 'MX', 'MX-AEO-000001'],
    ] as const;
    for (const [name, url, country, aeoId] of owners) {
      const admin = await mra.cluster.token(country, 'admin');
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query: `mutation { suspendAeo(aeoId: "${aeoId}", reason: "not acceptable") { status } }` }),
      });
      const status = async () => (await gql<{ operator: { status: string } }>(url, `{ operator(aeoId: "${aeoId}") { status } }`, {}, admin)).data?.operator.status;
      const after = await status();
      if (after === 'SUSPENDED') await gql(url, `mutation { reinstateAeo(aeoId: "${aeoId}", reason: "test") { status } }`, {}, admin);
      expect([response.status, after], name).toEqual([406, 'ACTIVE']);
    }
  });

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

  it('graphql-ws: every server refuses an invalid operation as over HTTP (coded, no suggestions, no HTTP details), with the protocol\'s `error` message', async () => {
    const wsUrls = { 'Apollo node': mra.cluster.servers.CR.wsUrl, 'mercurius node': mra.cluster.servers.MX.wsUrl, gateway: mra.gateways.MX.wsUrl };
    for (const [name, wsUrl] of Object.entries(wsUrls)) {
      const result = await overWebSocket(wsUrl, 'subscription { operatorStatusChanged { aeoI } }');
      // graphql-ws sends a refusal as an `error` message: a list of errors, and nothing after it.
      expect(result.type, name).toBe('error');
      const errors = (Array.isArray(result.payload) ? result.payload : []) as { message: string; extensions?: Record<string, unknown> }[];
      expect(errors[0]?.message, name).toMatch(/^Cannot query field "aeoI" on type "OperatorStatusChange"\.$/);
      expect(errors[0]?.extensions?.code, name).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(errors[0]?.extensions?.http, name).toBeUndefined();
    }
  });

  it('graphql-ws: a subscription its field refuses (anonymous certificateArrived) is one result on every server, `data: null` and the error at the field as coded, then complete', async () => {
    const beside = await mra.startGateway('MX', {}, undefined, ['MX']);
    const wsUrls = {
      'Apollo node': mra.cluster.servers.CR.wsUrl, 'mercurius node': mra.cluster.servers.MX.wsUrl,
      'gateway (home on mercurius)': mra.gateways.MX.wsUrl, 'gateway (home on Apollo)': mra.gateways.CR.wsUrl, 'gateway beside its node': beside.wsUrl,
    };
    const refused = {
      data: null,
      errors: [{ message: 'certificateArrived needs a bearer token', locations: [{ line: 1, column: 16 }], path: ['certificateArrived'], extensions: { code: 'UNAUTHENTICATED' } }],
    };
    for (const [name, wsUrl] of Object.entries(wsUrls)) {
      const session = wsSession(wsUrl, {});
      await session.acked;
      session.subscribe('1', 'subscription { certificateArrived { number } }');
      await eventually(() => session.of('1').some((m) => m.type === 'complete' || m.type === 'error'), budget(5000), () => JSON.stringify(session.messages));
      // The error was raised executing the field, so the result has `data` (GraphQL spec, Response).
      expect(session.of('1').map((m) => m.type), name).toEqual(['next', 'complete']);
      expect(session.of('1')[0]?.payload, name).toEqual(refused);
      session.close();
    }
  });

  it('SSE at the gateway: a subscription its field refuses is one event with `data: null` and the error at the field, then complete', async () => {
    const response = await fetch(mra.gateways.MX.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { certificateArrived { number } }' }),
    });
    const events = [...(await response.text()).matchAll(/event: (\w+)\ndata: ?(.*)/g)].map(([, type, data]) => [type, data ? JSON.parse(data) as unknown : undefined]);
    expect(events).toEqual([
      ['next', { data: null, errors: [expect.objectContaining({ path: ['certificateArrived'], extensions: { code: 'UNAUTHENTICATED' } })] }],
      ['complete', undefined],
    ]);
  });

  it('graphql-ws: a subscription ends when its token expires, on every server: one error (UNAUTHENTICATED, "token expired"), nothing after; the token subscribes no more', async () => {
    // Long enough for every subscriber to see one event first, on a busy machine too.
    const ttl = Math.ceil(budget(4000) / 1000);
    const token = await mintToken(mra.cluster.net.keys.MX as SigningKey, { country: 'MX', role: 'officer', subject: 'short@MX' }, new Date(), ttl);
    const subscribers = await subscribersOnEveryServer(mra, token, 'subscription { operatorStatusChanged(country: "CR") { aeoId status reason operator { legalName } } }');
    // Then quiet: the subscription still ends once the token expires.
    await subscribers.expectEndedWith(
      { message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } },
      expect.objectContaining({ message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } }),
    );
    await subscribers.close();
  });

  it('graphql-ws: a subscription ends when its token\'s key is rotated away on the ledger, on every server: one error (UNAUTHENTICATED, "token key rotated or revoked"), nothing after; the token subscribes no more', async () => {
    // A token of PE's, whose key no other spec here uses: PE rotates it away below.
    const subscribers = await subscribersOnEveryServer(mra, await mra.cluster.token('PE', 'officer'), 'subscription { operatorStatusChanged(country: "CR") { aeoId status } }');
    // PE rotates its key on its own replica; MX's and CR's replicas apply the rotation as it arrives.
    mra.cluster.nodes.PE.replica.rotateKey(generateSigningKey());
    // A gateway over HTTP may take the token again for its key cache's minute; its home node refuses it,
    // which is the token refused, not the node unavailable.
    await subscribers.expectEndedWith(
      { message: 'token key rotated or revoked', extensions: { code: 'UNAUTHENTICATED' } },
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    );
    await subscribers.close();
  });
});
