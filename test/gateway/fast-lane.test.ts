import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMraGateways, type MraGateways } from './mra-gateway.js';

/** What a client sees of one answer. */
interface Seen { status: number; type: string | null; body: unknown }

const CASES: readonly { name: string; body: unknown; role?: 'officer' | 'admin'; token?: string; accept?: string }[] = [
  { name: 'a cross-country lookup', body: { query: '{ operator(aeoId: "CR-AEO-000042") { aeoId legalName taxId } }' }, role: 'officer' },
  { name: 'a list with variables', body: { query: 'query($n: Int) { operators(first: $n) { totalCount edges { node { aeoId status } } } }', variables: { n: 2 } }, role: 'officer' },
  { name: 'an unknown field', body: { query: '{ operator(aeoId: "CR-AEO-000042") { nope } }' }, role: 'officer' },
  { name: 'a syntax error', body: { query: '{ operator(aeoId: ' }, role: 'officer' },
  { name: 'a variable of the wrong type', body: { query: 'query($n: Int) { operators(first: $n) { totalCount } }', variables: { n: 'two' } }, role: 'officer' },
  { name: 'a forged token', body: { query: '{ operators { totalCount } }' }, token: 'Bearer eyJhbGciOiJFZERTQSJ9.e30.AAAA' },
  { name: 'no token', body: { query: '{ operators { totalCount } }' } },
  { name: 'a refused mutation', body: { query: 'mutation { suspendAeo(aeoId: "CR-AEO-000042", reason: "x") { status } }' }, role: 'admin' },
  { name: 'a validation error asked as graphql-response+json', body: { query: '{ nope }' }, role: 'officer', accept: 'application/graphql-response+json' },
  { name: 'a missing variable asked as graphql-response+json', body: { query: 'query($id: String!) { operator(aeoId: $id) { aeoId } }' }, role: 'officer', accept: 'application/graphql-response+json' },
  { name: 'a query over the depth limit', body: { query: `{ __type(name: "Operator") { ${'ofType { '.repeat(16)}name${' }'.repeat(16)} } }` }, role: 'officer', accept: 'application/graphql-response+json' },
  { name: 'a mutation without a token', body: { query: 'mutation { suspendAeo(aeoId: "CR-AEO-000043", reason: "x") { status } }' }, accept: 'application/graphql-response+json' },
  { name: 'an alias named __proto__', body: { query: '{ operator(aeoId: "CR-AEO-000042") { __proto__: legalName __mra_aeoId: tradeName } }' }, role: 'officer' },
  { name: 'a lookup asked as graphql-response+json', body: { query: '{ operators { totalCount } }' }, role: 'officer', accept: 'application/graphql-response+json' },
];

describe('gateway: the fast lane (and the home lane behind it) answers exactly as the runtime does', () => {
  let mra: MraGateways;
  beforeAll(async () => {
    mra = await startMraGateways();
  });
  afterAll(async () => mra?.close());

  /** A browser page's request (with Origin) is served by the runtime itself; a plain client's by the fast lane. */
  async function ask(body: unknown, headers: Record<string, string>, origin: boolean): Promise<Seen> {
    const response = await fetch(mra.gateways.MX.url, {
      method: 'POST', body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers, ...(origin ? { origin: mra.gateways.MX.url.replace(/\/graphql$/, '') } : {}) },
    });
    return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
  }

  it('a request the runtime refuses for its parameters is refused alike, though the home lane knows its operation', async () => {
    const headers = { authorization: `Bearer ${await mra.cluster.token('MX', 'officer')}` };
    const query = 'query Known($n: Int) { operators(first: $n) { totalCount } }';
    await ask({ query, variables: { n: 1 } }, headers, true);
    for (const body of [
      { query, variables: 'n=1' }, { query, variables: [1] }, { query, operationName: 7 },
      { query, extensions: 'x' }, { query, variables: { n: 1 }, unexpected: true },
    ]) {
      const [runtime, fast] = [await ask(body, headers, true), await ask(body, headers, false)];
      expect(runtime.status).toBeGreaterThanOrEqual(400);
      expect(fast).toEqual(runtime);
    }
  });

  for (const c of CASES) {
    it(`${c.name}: same status, media type and body`, async () => {
      const authorization = c.token ?? (c.role ? `Bearer ${await mra.cluster.token('MX', c.role)}` : undefined);
      const headers = { ...(authorization ? { authorization } : {}), ...(c.accept ? { accept: c.accept } : {}) };
      // The runtime answers first (and accepts the operation); the same request again takes the
      // fast lane, whose home lane answers an operation of the nodes' only that was accepted before.
      const [runtime, fast, again] = [await ask(c.body, headers, true), await ask(c.body, headers, false), await ask(c.body, headers, false)];
      expect(fast).toEqual(runtime);
      expect(again).toEqual(runtime);
    });
  }
});
