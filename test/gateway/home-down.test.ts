import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../gateway/index.js';
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

  it('an operation it would answer is the server\'s outage on every path: 503 with Retry-After, NODE_UNAVAILABLE naming it, never a client\'s 4xx', async () => {
    for (const authorization of [undefined, officer]) {
      const seen = await everyPath('{ operators { totalCount } }', authorization);
      expect(seen).toMatchObject({ status: 503, retryAfter: '5', body: { errors: [{ message: 'MX\'s node is unavailable', extensions: { code: 'NODE_UNAVAILABLE', node: 'MX' } }] } });
    }
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

  it('none of it is logged as a fault of the gateway\'s', () => {
    expect(mra.logs.filter((line) => line.level === 'error')).toEqual([]);
  });
});
