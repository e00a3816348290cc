import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jurisdictionExecutor, type NodeClient, type RunningGateway } from '../../gateway/index.js';
import { unavailable } from '../../gateway/jurisdiction/node-client.js';
import { buildNodeSchema } from '../../subgraphs/node/index.js';
import { serveSubgraph } from '../bench/federation/index.js';
import { connectionInit } from '../support/ws-probe.js';
import { recordingProxy, type RecordingProxy } from '../support/recording-proxy.js';
import { startMraGateways, type MraGateways } from './mra-gateway.js';

/** An agency's own subgraph beside the nodes: what it answers needs nothing from the home node. */
const agency = buildSubgraphSchema({
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Query { shipments: [Shipment!]! }
    type Shipment { id: ID! operator: Operator! }
    type Operator @key(fields: "aeoId") { aeoId: String! }`),
  resolvers: {
    Query: { shipments: () => [{ id: 'S1', aeoId: 'CR-AEO-000042' }] },
    Shipment: { operator: (s: { aeoId: string }) => ({ __typename: 'Operator', aeoId: s.aeoId }) },
  },
});

interface Seen { status: number; retryAfter: string | null; body: unknown }

describe('gateway: its home node down', () => {
  let mra: MraGateways;
  let home: RecordingProxy;
  let gateway: RunningGateway;
  let closeAgency: () => Promise<void>;
  let officer: string;
  beforeAll(async () => {
    mra = await startMraGateways();
    const served = await serveSubgraph('shipments', agency);
    closeAgency = served.close;
    // MX's node behind a proxy of this spec's own, which it closes: the node is then down for this gateway only.
    home = await recordingProxy(mra.cluster.servers.MX.url);
    gateway = await mra.startGateway('MX', { nodes: [{ country: 'MX', url: home.url }, { country: 'CR', url: mra.sent.CR.url }], subgraphs: [{ name: 'shipments', url: served.url }] });
    officer = `Bearer ${await mra.cluster.token('MX', 'officer')}`;
    // The officer's key is read (and kept for a minute) while the home node answers.
    expect((await ask('{ mras { id } }', officer)).status).toBe(200);
    await home.close();
  });
  afterAll(async () => {
    await mra?.close();
    await closeAgency?.();
  });

  async function ask(query: string, authorization?: string, headers: Record<string, string> = {}): Promise<Seen> {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(authorization ? { authorization } : {}), ...headers },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() };
  }

  /** The answer on every path: the runtime (a browser page's request), the fast lane (a new text), the home lane (the same text again). */
  async function everyPath(query: string, authorization?: string): Promise<Seen> {
    const origin = { origin: gateway.url.replace(/\/graphql$/, '') };
    const [runtime, fast, lane] = [await ask(query, authorization, origin), await ask(query, authorization), await ask(query, authorization)];
    expect(fast, 'fast lane').toEqual(runtime);
    expect(lane, 'home lane').toEqual(runtime);
    return runtime;
  }

  const down = (path: readonly string[], line: number, column: number) => ({
    message: 'MX\'s node is unavailable', locations: [{ line, column }], path, extensions: { code: 'NODE_UNAVAILABLE', node: 'MX' },
  });

  it('an operation that needs nothing from it is answered as ever, 200: `{ __typename }`, an agency\'s subgraph', async () => {
    for (const authorization of [undefined, officer]) {
      expect(await everyPath('{ __typename }', authorization)).toEqual({ status: 200, retryAfter: null, body: { data: { __typename: 'Query' } } });
      expect(await everyPath('{ shipments { id } }', authorization)).toEqual({ status: 200, retryAfter: null, body: { data: { shipments: [{ id: 'S1' }] } } });
    }
  });

  it('the fields only it holds are null with NODE_UNAVAILABLE (naming it) at their paths, the rest is answered: 200', async () => {
    for (const authorization of [undefined, officer]) {
      const seen = await everyPath('{ __typename operator(aeoId: "CR-AEO-000042") { aeoId legalName } }', authorization);
      expect(seen).toEqual({ status: 200, retryAfter: null, body: { data: { __typename: 'Query', operator: null }, errors: [down(['operator'], 1, 14)] } });
    }
    // Planned with an agency's subgraph: the same, whether the nodes' part is a root field or an entity's.
    const planned = await ask('{ shipments { id } operator(aeoId: "CR-AEO-000042") { legalName } }', officer);
    expect(planned.status).toBe(200);
    expect(planned.body).toMatchObject({ data: { shipments: [{ id: 'S1' }], operator: null }, errors: [{ path: ['operator'], extensions: { code: 'NODE_UNAVAILABLE', node: 'MX' } }] });
    const entities = await ask('{ shipments { id operator { aeoId legalName } } }', officer);
    expect(entities).toMatchObject({ status: 200, body: { data: { shipments: [{ id: 'S1', operator: { aeoId: 'CR-AEO-000042', legalName: null } }] } } });
    expect(entities.body).toMatchObject({ errors: [{ extensions: { code: 'NODE_UNAVAILABLE', node: 'MX' } }] });
  });

  it('nothing left to answer (a non-null field of its, a mutation): `data: null`, the error at the field, 503 with Retry-After, never a client\'s 4xx', async () => {
    expect(await everyPath('{ operators { totalCount } }')).toEqual({ status: 503, retryAfter: '5', body: { data: null, errors: [down(['operators'], 1, 3)] } });
    const admin = `Bearer ${await mra.cluster.token('MX', 'admin')}`;
    const mutation = await ask('mutation { suspendAeo(aeoId: "MX-AEO-000001", reason: "audit") { status } }', admin);
    expect(mutation).toMatchObject({ status: 503, retryAfter: '5', body: { data: null, errors: [{ path: ['suspendAeo'], extensions: { code: 'NODE_UNAVAILABLE', node: 'MX' } }] } });
  });

  it('a token whose key it has not read cannot be checked: 503 with Retry-After, NODE_UNAVAILABLE, no data; over graphql-ws a close with 1013 (Try Again Later), not 4403', async () => {
    const partner = `Bearer ${await mra.cluster.token('CR', 'officer')}`;
    const seen = await everyPath('{ __typename }', partner);
    expect(seen).toEqual({
      status: 503, retryAfter: '5', body: { errors: [{ message: 'cannot read CR\'s key: the home node is unavailable', extensions: { code: 'NODE_UNAVAILABLE', node: 'MX' } }] },
    });
    const sse = await fetch(gateway.url, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: partner },
      body: JSON.stringify({ query: 'subscription { operatorStatusChanged { aeoId } }' }),
    });
    expect(sse.status).toBe(503);
    expect(await sse.text()).toMatch(/"code":"NODE_UNAVAILABLE"/);
    expect(await connectionInit(gateway.wsUrl, { authorization: partner })).toEqual({ ack: false, code: 1013 });
  });

  it('none of it is logged as a fault of the gateway\'s; the operator is told once that the node does not answer', () => {
    expect(mra.logs.filter((line) => line.level === 'error')).toEqual([]);
    expect(mra.logs.filter((line) => String(line.msg).startsWith('node unavailable'))).toEqual([expect.objectContaining({ level: 'warn', node: 'MX', url: home.url })]);
  });
});

describe('gateway: a subscription\'s event when the home node does not give the MRA terms', () => {
  it('the fields the terms would decide are null with NODE_UNAVAILABLE, not FORBIDDEN: nothing was denied', async () => {
    const event = { data: { operatorStatusChanged: { aeoId: 'CR-AEO-000042', operator: { __mra_aeoId: 'CR-AEO-000042', __mra_country: 'CR' } } } };
    // Its feed still gives events; its answer to the terms query is none (a node over HTTP, gone between the two).
    const home: NodeClient = {
      country: 'MX', url: 'http://mx.invalid/graphql',
      query: async () => ({ errors: [unavailable('MX')] }),
      subscribe: async function* () {
        yield event as ExecutionResult;
      },
    };
    const execute = jurisdictionExecutor({ home: 'MX', clients: new Map([['MX', home]]), schema: await buildNodeSchema() });
    const events = execute({
      document: parse('subscription { operatorStatusChanged { aeoId operator { legalName } } }'),
      caller: { country: 'MX', role: 'officer', subject: 'officer@MX' }, authorization: undefined,
    }) as AsyncIterable<ExecutionResult>;
    for await (const result of events) {
      expect(result.data).toEqual({ operatorStatusChanged: { aeoId: 'CR-AEO-000042', operator: { legalName: null } } });
      expect(result.errors?.map((e) => [e.path, e.extensions.code, e.extensions.node])).toEqual([[['operatorStatusChanged', 'operator', 'legalName'], 'NODE_UNAVAILABLE', 'MX']]);
      break;
    }
  });
});
