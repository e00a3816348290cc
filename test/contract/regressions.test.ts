import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesByPath, gql, post } from '../support/graphql-client.js';
import { startMraGateways, type MraGateways } from '../gateway/mra-gateway.js';
import { connectionInit, overWebSocket } from '../support/ws-probe.js';

const FIRST_PAGE = 'query($after: String) { operators(first: 2, after: $after) { edges { node { aeoId } } } }';

describe('regressions of issue 10 (one API contract)', () => {
  let mra: MraGateways;
  /** MX's node runs on mercurius, CR's on Apollo; MX's gateway composes both. */
  let servers: Record<'mercurius node' | 'Apollo node' | 'gateway', { url: string; wsUrl: string }>;
  beforeAll(async () => {
    mra = await startMraGateways();
    servers = { 'mercurius node': mra.cluster.servers.MX, 'Apollo node': mra.cluster.servers.CR, gateway: mra.gateways.MX };
  });
  afterAll(async () => mra?.close());

  it('regression: operators(first: 2, after: $after) with $after = null is the first page everywhere', async () => {
    for (const [name, server] of Object.entries(servers)) {
      const response = await gql(server.url, FIRST_PAGE, { after: null }, await mra.cluster.token('MX', 'officer'));
      expect(response.errors, name).toBeUndefined();
      expect((response.data?.operators as { edges: unknown[] }).edges, name).toHaveLength(2);
    }
  });

  it('regression: an alias named __proto__ or __mra_* is answered like any other alias at the gateway', async () => {
    const analyst = await mra.cluster.token('MX', 'analyst');
    const allowed = await gql(mra.gateways.MX.url, '{ operator(aeoId: "CR-AEO-000042") { __proto__: riskScore } }', {}, analyst);
    expect(allowed.errors).toBeUndefined();
    expect(JSON.stringify(allowed.data)).toBe('{"operator":{"__proto__":12}}');
    const denied = await gql(mra.gateways.MX.url, '{ operator(aeoId: "CR-AEO-000042") { __proto__: taxId } }', {}, analyst);
    expect(codesByPath(denied)).toEqual({ 'operator.__proto__': 'FORBIDDEN' });
    const reserved = await gql(mra.gateways.MX.url, '{ operator(aeoId: "CR-AEO-000042") { __mra_aeoId: legalName __mra_country: country } }', {}, analyst);
    expect(reserved.errors).toBeUndefined();
    expect(reserved.data).toEqual({ operator: { __mra_aeoId: 'Exportadora 42 S.A.', __mra_country: 'CR' } });
  });

  it('regression: the mercurius node answers client errors with their message and HTTP 400, as Apollo does', async () => {
    for (const server of [servers['mercurius node'], servers['Apollo node']]) {
      const invalid = await gql(server.url, '{ nope }');
      expect(invalid.status).toBe(400);
      expect(invalid.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(invalid.errors?.[0]?.message).toMatch(/nope/);
      const badVariable = await gql(server.url, 'query($n: Int) { operators(first: $n) { totalCount } }', { n: 'two' });
      expect(badVariable.status).toBe(400);
      expect(badVariable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const getMutation = await fetch(`${server.url}?query=${encodeURIComponent('mutation { revokeAeo(aeoId: "x", reason: "y") { status } }')}`, { headers: { 'apollo-require-preflight': '1' } });
      expect(getMutation.status).toBe(405);
    }
  });

  it('regression: the gateway keeps a bad variable value and a node\'s BAD_USER_INPUT coded, at their path', async () => {
    const officer = await mra.cluster.token('MX', 'officer');
    const badVariable = await fetch(mra.gateways.MX.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${officer}` },
      body: JSON.stringify({ query: 'query($n: Int) { operators(first: $n) { totalCount } }', variables: { n: 'two' } }),
    });
    expect(badVariable.status).toBe(400);
    expect(((await badVariable.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const aliased = await gql(mra.gateways.MX.url, '{ page: operators(first: 500) { totalCount } }', {}, officer);
    expect(codesByPath(aliased)).toEqual({ page: 'BAD_USER_INPUT' });
  });

  it('regression: anonymous introspection over graphql-ws is refused, and no server suggests field names to strangers', async () => {
    for (const [name, server] of Object.entries(servers)) {
      const result = await overWebSocket(server.wsUrl, '{ __schema { queryType { name } } }');
      expect(JSON.stringify(result.payload), name).not.toContain('"Query"');
      const suggestion = await gql(server.url, '{ operator(aeoId: "CR-AEO-000042") { taxI } }');
      expect(suggestion.errors?.[0]?.message, name).not.toMatch(/Did you mean/);
    }
  });

  it('regression: every server refuses a bad token at connection_init with 4403, before connection_ack', async () => {
    for (const [name, server] of Object.entries(servers)) {
      expect(await connectionInit(server.wsUrl, { authorization: 'Bearer not-a-jwt' }), name).toEqual({ ack: false, code: 4403 });
      expect(await connectionInit(server.wsUrl, {}), name).toEqual({ ack: true });
    }
  });

  it('regression: the gateway\'s CSRF refusal is coded CSRF_PREVENTED, not a validation failure', async () => {
    const plain = await fetch(`${mra.gateways.MX.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(plain.status).toBe(403);
    const body = (await plain.json()) as { errors: { extensions?: { code?: string } }[] };
    expect(body.errors[0]?.extensions?.code).toBe('CSRF_PREVENTED');
  });

  it('regression: a fragment nested in a fragment costs what its fields cost inline (20 levels, 8 inside a page of 20), everywhere', async () => {
    /** `fragment F1 on Operator { aeoId ...F2 }` … down to F<levels>: each level adds one field. */
    const nested = (levels: number) => Array.from({ length: levels }, (_, i) => `fragment F${i + 1} on Operator { aeoId${i + 1 < levels ? ` ...F${i + 2}` : ''} }`).join(' ');
    const officer = await mra.cluster.token('MX', 'officer');
    for (const [name, server] of Object.entries(servers)) {
      const one = await gql(server.url, `{ operator(aeoId: "CR-AEO-000042") { ...F1 } } ${nested(20)}`, {}, officer);
      expect(one.errors, name).toBeUndefined();
      expect(one.data, name).toEqual({ operator: { aeoId: 'CR-AEO-000042' } });
      const page = await gql(server.url, `{ operators(first: 20) { edges { node { ...F1 } } } } ${nested(8)}`, {}, officer);
      expect(page.errors, name).toBeUndefined();
    }
  });

  it('regression: a page size from a variable costs the largest page (first: 100), an omitted or null one its default (20), everywhere', async () => {
    const { ALL_FIELDS } = await import('../node/access-table.js');
    const officer = await mra.cluster.token('MX', 'officer');
    const pages = (count: number, first: string) => Array.from({ length: count }, (_, i) => `p${i}: operators${first} { edges { node { ${ALL_FIELDS} } } }`).join(' ');
    const refusal = async (url: string, query: string, variables: Record<string, unknown> = {}) => {
      const response = await gql(url, query, variables, officer);
      expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      return response.errors?.[0]?.message;
    };
    for (const [name, server] of Object.entries(servers)) {
      // Five pages of 100 came through when 100 was a variable (68 KB); five literal ones are refused.
      const byVariable = await refusal(server.url, `query($n: Int) { ${pages(5, '(first: $n)')} }`, { n: 1 });
      expect(byVariable, name).toMatch(/^Query Cost limit of 30000 exceeded/);
      expect(byVariable, name).toBe(await refusal(server.url, `{ ${pages(5, '(first: 100)')} }`));
      expect(await refusal(server.url, `{ ${pages(13, '')} }`), name).toBe(await refusal(server.url, `{ ${pages(13, '(first: 20)')} }`));
      // An explicit null is served as the default page, so it costs one.
      expect(await refusal(server.url, `{ ${pages(13, '(first: null)')} }`), name).toBe(await refusal(server.url, `{ ${pages(13, '(first: 20)')} }`));
      const onePage = await gql(server.url, `query($n: Int) { ${pages(1, '(first: $n)')} }`, { n: 100 }, officer);
      expect(onePage.errors?.filter((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED') ?? [], name).toEqual([]);
      expect(onePage.data?.p0, name).toBeTruthy();
    }
  });

  it('regression: the default cost limit lets operators(first: 50) with every field through', async () => {
    const { ALL_FIELDS } = await import('../node/access-table.js');
    const response = await post(mra.gateways.MX.url, { query: `{ operators(first: 50) { totalCount edges { cursor node { ${ALL_FIELDS} } } pageInfo { hasNextPage endCursor } } }` }, await mra.cluster.token('MX', 'officer'));
    expect(response.errors?.filter((e) => e.extensions?.code !== 'FORBIDDEN') ?? []).toEqual([]);
  });
});
