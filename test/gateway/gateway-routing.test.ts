import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessTableSpecs } from '../node/access-table.js';
import { codesByPath, gql, subscribe } from '../support/graphql-client.js';
import { eventually } from '../support/eventually.js';
import { startMraGateways, type MraGateways } from './mra-gateway.js';

/** Which gateway a caller uses: its own authority's (PE has none here, nor anonymous: MX's). */
const gatewayOf = (who: readonly [string, string] | null): 'MX' | 'CR' => (who?.[0] === 'CR' ? 'CR' : 'MX');
const CR_42 = 'CR-AEO-000042';

describe('gateway: one endpoint across the MRA, routed by jurisdiction', () => {
  let mra: MraGateways;
  const token = (country: string, role: 'officer' | 'analyst' | 'admin') => mra.cluster.token(country, role);
  const asked = (country: 'MX' | 'CR') => mra.sent[country].bodies.join('\n');
  const forget = () => Object.values(mra.sent).forEach((proxy) => proxy.bodies.splice(0));
  beforeAll(async () => {
    mra = await startMraGateways();
  });
  afterAll(async () => mra?.close());

  describe('every access relation of the node issue holds through the gateway, across nodes', () => {
    accessTableSpecs(async (who, query) => gql(mra.gateways[gatewayOf(who)].url, query, {}, who ? await token(...who) : undefined));
  });

  describe('the same, through gateways beside their home nodes (the home replica asked in-process)', () => {
    const beside: Partial<Record<'MX' | 'CR', string>> = {};
    beforeAll(async () => {
      beside.MX = (await mra.startGateway('MX', {}, undefined, ['MX'])).url;
      beside.CR = (await mra.startGateway('CR', {}, undefined, ['CR'])).url;
    });
    accessTableSpecs(async (who, query) => gql(beside[gatewayOf(who)] ?? '', query, {}, who ? await token(...who) : undefined));

    it('an in-process home asks its node nothing over HTTP; the owner\'s private fields still come from the owner\'s node', async () => {
      forget();
      const response = await gql(beside.MX ?? '', `{ operator(aeoId: "${CR_42}") { legalName riskScore } }`, {}, await token('MX', 'analyst'));
      expect(response.data?.operator).toEqual({ legalName: 'Exportadora 42 S.A.', riskScore: 12 });
      expect(asked('MX')).toBe('');
      expect(asked('CR')).toMatch(/_entities[\s\S]*riskScore/);
    });
  });

  describe('the same, through a gateway with every node in its process (as the demo runs them)', () => {
    let allHere = '';
    beforeAll(async () => {
      allHere = (await mra.startGateway('MX', {}, undefined, ['MX', 'CR'])).url;
    });
    accessTableSpecs(async (who, query) => gql(who?.[0] === 'CR' ? mra.gateways.CR.url : allHere, query, {}, who ? await token(...who) : undefined));

    it('the owner\'s private fields come from the owner\'s node in-process, decided by its rules: nothing goes over HTTP', async () => {
      forget();
      const [analyst, officer] = [await token('MX', 'analyst'), await token('MX', 'officer')];
      const query = `{ operator(aeoId: "${CR_42}") { legalName riskScore } }`;
      const [seen, denied] = [await gql(allHere, query, {}, analyst), await gql(allHere, query, {}, officer)];
      expect(seen.data?.operator).toEqual({ legalName: 'Exportadora 42 S.A.', riskScore: 12 });
      expect(denied.data?.operator).toEqual({ legalName: 'Exportadora 42 S.A.', riskScore: null });
      expect(codesByPath(denied)).toEqual({ 'operator.riskScore': 'FORBIDDEN' });
      expect(asked('MX') + asked('CR')).toBe('');
    });
  });

  describe('routing', () => {
    it('one request across countries: an MX officer sees a CR operator\'s shared fields, is denied its private ones, and sees all of an MX operator', async () => {
      const response = await gql(mra.gateways.MX.url, `{
        cr: operator(aeoId: "${CR_42}") { aeoId legalName validUntil history { status } taxId riskScore }
        mx: operator(aeoId: "MX-AEO-000001") { aeoId legalName taxId riskScore privateDataVerified }
      }`, {}, await token('MX', 'officer'));
      expect(response.data).toEqual({
        cr: { aeoId: CR_42, legalName: 'Exportadora 42 S.A.', validUntil: '2026-12-31', history: [{ status: 'ACTIVE' }], taxId: null, riskScore: null },
        mx: { aeoId: 'MX-AEO-000001', legalName: 'Exportadora 1 S.A.', taxId: '3-101-000001', riskScore: 12, privateDataVerified: true },
      });
      expect(codesByPath(response)).toEqual({ 'cr.taxId': 'FORBIDDEN', 'cr.riskScore': 'FORBIDDEN' });
    });

    it('each operator\'s fields come in the order the query asked for them (GraphQL\'s serialized map ordering), wherever each came from', async () => {
      // riskScore from CR's node, aeoId and status public, validUntil denied to analysts, legalName shared by the terms.
      const response = await gql(mra.gateways.MX.url, `{
        one: operator(aeoId: "${CR_42}") { riskScore aeoId validUntil legalName status }
        list: operators(first: 2, country: "CR") { edges { node { validUntil riskScore aeoId } } }
      }`, {}, await token('MX', 'analyst'));
      const data = response.data as { one: object; list: { edges: { node: object }[] } };
      expect(Object.keys(data.one)).toEqual(['riskScore', 'aeoId', 'validUntil', 'legalName', 'status']);
      for (const { node } of data.list.edges) expect(Object.keys(node)).toEqual(['validUntil', 'riskScore', 'aeoId']);
      expect(codesByPath(response)).toMatchObject({ 'one.validUntil': 'FORBIDDEN' });
    });

    it('a variable left out takes its default in @include and @skip, as on the node', async () => {
      const query = `query ($id: String!, $with: Boolean = true, $without: Boolean = false) {
        operator(aeoId: $id) { aeoId riskScore @include(if: $with) legalName @skip(if: $without) taxId @skip(if: true) }
      }`;
      const analyst = await token('MX', 'analyst');
      const [viaGateway, fromNode] = [await gql(mra.gateways.MX.url, query, { id: CR_42 }, analyst), await gql(mra.cluster.servers.CR.url, query, { id: CR_42 }, analyst)];
      expect(viaGateway.errors).toBeUndefined();
      expect(viaGateway.data).toEqual({ operator: { aeoId: CR_42, riskScore: 12, legalName: 'Exportadora 42 S.A.' } });
      expect(JSON.stringify(viaGateway.data)).toBe(JSON.stringify(fromNode.data));
    });

    it('a field the gateway denies is reported at its place in the client\'s query, as the node reports it', async () => {
      const query = `{ operator(aeoId: "${CR_42}") {
        aeoId
        when: validUntil
      } }`;
      const analyst = await token('MX', 'analyst');
      const [viaGateway, fromNode] = [await gql(mra.gateways.MX.url, query, {}, analyst), await gql(mra.cluster.servers.MX.url, query, {}, analyst)];
      expect(viaGateway.errors?.map((e) => e.locations)).toEqual([[{ line: 3, column: 9 }]]);
      expect(viaGateway.errors?.map((e) => e.locations)).toEqual(fromNode.errors?.map((e) => e.locations));
    });

    it('shared fields come from the caller\'s home replica, private fields from the owner\'s node with the caller\'s own token; denied fields are never requested', async () => {
      forget();
      const officer = await token('MX', 'officer');
      await gql(mra.gateways.MX.url, `{ operator(aeoId: "${CR_42}") { legalName taxId contact { email } } }`, {}, officer);
      expect(asked('CR')).toBe(''); // nothing the officer may see is private, so CR is not asked at all
      expect(asked('MX')).toContain('legalName');
      expect(asked('MX')).not.toMatch(/taxId|contact/);

      forget();
      const analyst = await token('MX', 'analyst');
      const response = await gql(mra.gateways.MX.url, `{ operator(aeoId: "${CR_42}") { legalName riskScore privateDataVerified taxId } }`, {}, analyst);
      expect(response.data?.operator).toEqual({ legalName: 'Exportadora 42 S.A.', riskScore: 12, privateDataVerified: true, taxId: null });
      expect(asked('CR')).toMatch(/_entities[\s\S]*riskScore[\s\S]*privateDataVerified/);
      expect(asked('CR')).not.toMatch(/taxId|legalName/);
      expect(asked('MX')).not.toMatch(/riskScore|taxId/);
    });

    it('aliases, fragments and variables reach the owner\'s node intact', async () => {
      const response = await gql(mra.gateways.MX.url, `query($withScore: Boolean!) { op: operator(aeoId: "${CR_42}") { ...Risk } }
        fragment Risk on Operator { name: legalName score: riskScore @include(if: $withScore) verified: privateDataVerified contact { ...Reach } }
        fragment Reach on Contact { email }`, { withScore: true }, await token('MX', 'analyst'));
      expect(response.data).toEqual({ op: { name: 'Exportadora 42 S.A.', score: 12, verified: true, contact: null } });
      expect(codesByPath(response)).toEqual({ 'op.contact': 'FORBIDDEN' });
      const without = await gql(mra.gateways.MX.url, `query($withScore: Boolean!) { operator(aeoId: "${CR_42}") { riskScore @include(if: $withScore) legalName } }`, { withScore: false }, await token('MX', 'analyst'));
      expect(without.data).toEqual({ operator: { legalName: 'Exportadora 42 S.A.' } });
    });

    it('lists across the MRA: one page from the home replica (stable cursors), private fields fetched from each owner in one batch', async () => {
      forget();
      const analyst = await token('MX', 'analyst');
      const query = `query($after: String) { operators(first: 2, after: $after) { totalCount edges { cursor node { aeoId legalName riskScore } } pageInfo { hasNextPage endCursor } } }`;
      const first = await gql<{ operators: { edges: { cursor: string; node: Record<string, unknown> }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } }>(mra.gateways.MX.url, query, {}, analyst);
      expect(first.errors).toBeUndefined();
      expect(first.data?.operators.edges.map((e) => e.node)).toEqual([
        { aeoId: CR_42, legalName: 'Exportadora 42 S.A.', riskScore: 12 },
        { aeoId: 'CR-AEO-000043', legalName: 'Exportadora 43 S.A.', riskScore: 12 },
      ]);
      expect(asked('CR').match(/_entities/g)).toHaveLength(1);
      const second = await gql<typeof first.data & object>(mra.gateways.MX.url, query, { after: first.data?.operators.pageInfo.endCursor }, analyst);
      expect(second.data?.operators.edges.map((e) => e.node)).toEqual([{ aeoId: 'MX-AEO-000001', legalName: 'Exportadora 1 S.A.', riskScore: 12 }]);
      expect(second.data?.operators.pageInfo.hasNextPage).toBe(false);
      const direct = await gql<typeof first.data & object>(mra.cluster.servers.CR.url, query, {}, analyst);
      expect(first.data?.operators.edges.map((e) => e.cursor)).toEqual(direct.data?.operators.edges.map((e) => e.cursor));
    });

    it('mutations go to the home node: an authority writes only its own records', async () => {
      const response = await gql(mra.gateways.CR.url, `mutation { suspendAeo(aeoId: "CR-AEO-000043", reason: "routine check") { aeoId status } }`, {}, await token('CR', 'admin'));
      expect(response.data).toEqual({ suspendAeo: { aeoId: 'CR-AEO-000043', status: 'SUSPENDED' } });
      const refused = await gql(mra.gateways.MX.url, `mutation { reinstateAeo(aeoId: "CR-AEO-000043", reason: "not ours") { aeoId } }`, {}, await token('MX', 'admin'));
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_ISSUER');
      await gql(mra.gateways.CR.url, `mutation { reinstateAeo(aeoId: "CR-AEO-000043", reason: "check passed") { aeoId } }`, {}, await token('CR', 'admin'));
      await mra.cluster.settle();
    });
  });

  describe('subscriptions', () => {
    const SUBSCRIPTION = `subscription { operatorStatusChanged(country: "CR") { aeoId status reason operator { aeoId legalName taxId } } }`;

    it('a CR suspension reaches an MX subscriber on MX\'s gateway (graphql-ws) in under a second, with the MRA terms applied', async () => {
      const subscriber = subscribe(mra.gateways.MX.wsUrl, SUBSCRIPTION, await token('MX', 'officer'));
      // An analyst may not see the reason (history): the node's FORBIDDEN in the event, where the node puts it.
      const analyst = subscribe(mra.gateways.MX.wsUrl, 'subscription { operatorStatusChanged(country: "CR") { aeoId reason } }', await token('MX', 'analyst'));
      await Promise.all([subscriber.ready, analyst.ready]);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the gateway's own subscription to its node is up
      const sent = performance.now();
      await gql(mra.cluster.servers.CR.url, `mutation { suspendAeo(aeoId: "${CR_42}", reason: "failed audit") { status } }`, {}, await token('CR', 'admin'));
      await eventually(() => subscriber.events.length > 0, 5000, () => JSON.stringify(subscriber.failure()));
      const latency = performance.now() - sent;
      subscriber.close();
      expect(latency).toBeLessThan(1000);
      const event = subscriber.events[0];
      expect(event?.data).toEqual({ operatorStatusChanged: { aeoId: CR_42, status: 'SUSPENDED', reason: 'failed audit', operator: { aeoId: CR_42, legalName: 'Exportadora 42 S.A.', taxId: null } } });
      expect(codesByPath(event ?? { status: 0 })).toEqual({ 'operatorStatusChanged.operator.taxId': 'FORBIDDEN' });
      await eventually(() => analyst.events.length > 0, 5000, () => JSON.stringify(analyst.failure()));
      analyst.close();
      expect(analyst.events[0]?.data).toEqual({ operatorStatusChanged: { aeoId: CR_42, reason: null } });
      expect(analyst.events[0]?.errors).toEqual([expect.objectContaining({
        path: ['operatorStatusChanged', 'reason'], locations: [{ line: 1, column: 61 }], extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      })]);
    });

    it('regression: a fresh gateway\'s very first operation may be a subscription (the supergraph is loaded at start)', async () => {
      const fresh = await mra.startGateway('MX');
      const subscriber = subscribe(fresh.wsUrl, SUBSCRIPTION, await token('MX', 'officer'));
      await subscriber.ready;
      await new Promise((resolve) => setTimeout(resolve, 300));
      subscriber.close();
      expect(subscriber.failure()).toBeNull();
      expect(subscriber.events).toEqual([]);
    });

    it('leaving the subscription at the gateway closes the gateway\'s subscription to the node', async () => {
      await eventually(() => mra.sent.MX.openSockets() === 0, 2000, () => 'from the previous spec');
      const subscriber = subscribe(mra.gateways.MX.wsUrl, SUBSCRIPTION, await token('MX', 'officer'));
      await subscriber.ready;
      await eventually(() => mra.sent.MX.openSockets() === 1, 2000);
      subscriber.close();
      await eventually(() => mra.sent.MX.openSockets() === 0, 2000, () => `${mra.sent.MX.openSockets()} sockets open`);
    });

    it('a node\'s coded refusal reaches the subscriber as the node gave it (one result, data null, the error at the field), with the home node over HTTP as in the gateway\'s process', async () => {
      const beside = await mra.startGateway('MX', {}, undefined, ['MX']);
      for (const [name, wsUrl] of [['home over HTTP', mra.gateways.MX.wsUrl], ['home in-process', beside.wsUrl]] as const) {
        const anonymous = subscribe(wsUrl, 'subscription { certificateArrived { number } }');
        await anonymous.done;
        expect(anonymous.failure(), name).toBeNull();
        expect(anonymous.events, name).toEqual([{
          status: 200, data: null,
          errors: [expect.objectContaining({ message: 'certificateArrived needs a bearer token', path: ['certificateArrived'], extensions: { code: 'UNAUTHENTICATED' } })],
        }]);
      }
    });

    it('a home node that drops the subscription\'s socket: NODE_UNAVAILABLE, naming the node', async () => {
      await eventually(() => mra.sent.MX.openSockets() === 0, 2000, () => 'from the previous spec');
      const subscriber = subscribe(mra.gateways.MX.wsUrl, SUBSCRIPTION, await token('MX', 'officer'));
      await subscriber.ready;
      await eventually(() => mra.sent.MX.openSockets() === 1, 2000);
      mra.sent.MX.dropSockets();
      await subscriber.done;
      expect(subscriber.failure()).toEqual([{ message: 'MX\'s node is unavailable', extensions: { code: 'NODE_UNAVAILABLE', node: 'MX' } }]);
      subscriber.close();
    });

    it('the same subscription over SSE (text/event-stream)', async () => {
      const controller = new AbortController();
      const response = await fetch(mra.gateways.MX.url, {
        method: 'POST', signal: controller.signal,
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${await token('MX', 'officer')}` },
        body: JSON.stringify({ query: SUBSCRIPTION }),
      });
      expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = response.body?.getReader();
      const admin = await token('CR', 'admin');
      setTimeout(() => void gql(mra.cluster.servers.CR.url, `mutation { reinstateAeo(aeoId: "${CR_42}", reason: "audit passed") { status } }`, {}, admin), 300);
      let text = '';
      while (!text.includes('"aeoId":"CR-AEO-000042","status":"ACTIVE"')) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        text += new TextDecoder().decode(chunk.value);
      }
      controller.abort();
      expect(text).toMatch(/event: next\ndata: .*"status":"ACTIVE","reason":"audit passed"/);
    });

    it('regression: closing the gateway ends an open SSE subscription (GOING_AWAY, then complete) instead of waiting for its client to leave', async () => {
      const gateway = await mra.startGateway('MX');
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${await token('MX', 'officer')}` },
        // Its root field through a fragment: the GOING_AWAY error is still at the field.
        body: JSON.stringify({ query: 'subscription { ...Changes } fragment Changes on Subscription { operatorStatusChanged(country: "CR") { aeoId } }' }),
      });
      const reader = response.body?.getReader();
      const decoder = new TextDecoder();
      let text = decoder.decode((await reader?.read())?.value); // the opening ping: the stream is open
      await eventually(() => mra.sent.MX.openSockets() === 1, 2000, () => 'the gateway\'s subscription to the node');
      const logged = mra.logs.length;
      const closed = gateway.close();
      for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) text += decoder.decode(chunk.value);
      await closed;
      const [, last] = /event: next\ndata: (.*)\n\nevent: complete\n/.exec(text) ?? [];
      // An error at the field: the result has `data`, null (GraphQL spec, Response).
      expect(JSON.parse(last ?? 'null')).toEqual({ data: null, errors: [{ message: 'the gateway is shutting down: subscribe again later', path: ['operatorStatusChanged'], extensions: { code: 'GOING_AWAY' } }] });
      // The subscriber is told; it is no fault of the gateway's to log.
      expect(mra.logs.slice(logged).filter((line) => line.level === 'error')).toEqual([]);
      // …and lets go of its subscription to the node.
      await eventually(() => mra.sent.MX.openSockets() === 0, 2000, () => `${mra.sent.MX.openSockets()} sockets open`);
    });
  });

  describe('with CR\'s node down, and after the MRA is retired', () => {
    it('MX\'s gateway still answers shared fields from MX\'s replica and reports the private ones as unavailable', async () => {
      await mra.cluster.settle();
      await mra.cluster.servers.CR.close();
      const response = await gql(mra.gateways.MX.url, `{ operator(aeoId: "${CR_42}") { aeoId status legalName riskScore } }`, {}, await token('MX', 'analyst'));
      expect(response.data?.operator).toEqual({ aeoId: CR_42, status: 'ACTIVE', legalName: 'Exportadora 42 S.A.', riskScore: null });
      expect(response.errors).toHaveLength(1);
      expect(response.errors?.[0]).toMatchObject({ path: ['operator', 'riskScore'], locations: [{ line: 1, column: 61 }], extensions: { code: 'NODE_UNAVAILABLE', node: 'CR' } });
      expect(JSON.stringify(response)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
    });

    it('retiring the MRA ends a partner\'s access through the gateway at once (the terms are read from the ledger on each request)', async () => {
      const officer = await token('MX', 'officer');
      const query = `{ operator(aeoId: "${CR_42}") { status legalName } }`;
      expect((await gql(mra.gateways.MX.url, query, {}, officer)).data?.operator).toEqual({ status: 'ACTIVE', legalName: 'Exportadora 42 S.A.' });
      const retired = await gql(mra.cluster.servers.MX.url, 'mutation { retireFromMra(mraId: "cadena", reason: "review") { status } }', {}, await token('MX', 'admin'));
      expect(retired.data).toEqual({ retireFromMra: { status: 'RETIRED' } });
      const after = await gql(mra.gateways.MX.url, query, {}, officer);
      expect(after.data?.operator).toEqual({ status: 'ACTIVE', legalName: null });
      expect(codesByPath(after)).toEqual({ 'operator.legalName': 'FORBIDDEN' });
    });
  });
});
