import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesByPath, gql, post, subscribe } from '../support/graphql-client.js';
import { eventually } from '../support/eventually.js';
import { accessTableSpecs } from './access-table.js';
import { GRANT, grantInput, startCluster, type Cluster, type Serve } from './cluster.js';

/** The country-node contract: every stack that serves a node must pass it unchanged. */
export function nodeContract(stack: string, serve: Serve): void {
  describe(`node over ${stack}: queries, mutations, subscriptions and access rules`, () => {
    let cluster: Cluster;
    let url: string;
    const token = (country: string, role: 'officer' | 'analyst' | 'admin') => cluster.token(country, role);
    beforeAll(async () => {
      cluster = await startCluster(serve);
      url = cluster.servers.CR.url;
    });
    afterAll(async () => cluster?.close());

    describe('access rules: each restricted field for each relation', () => {
      accessTableSpecs(async (who, query) => gql(url, query, {}, who ? await token(...who) : undefined));

      it('the home authority sees private data that matches the digest on the ledger, and a verifying proof', async () => {
        const response = await gql(url, `{ operator(aeoId: "CR-AEO-000042") { taxId privateDataVerified proof { verified sequence treeSize inclusionPath checkpoint { authority } } } }`, {}, await token('CR', 'officer'));
        expect(response.data?.operator).toMatchObject({ taxId: '3-101-000042', privateDataVerified: true, proof: { verified: true, checkpoint: { authority: 'CR' } } });
      });

      it('aliases and fragments are checked field by field', async () => {
        const response = await gql(url, `{ a: operator(aeoId: "CR-AEO-000042") { secret: taxId name: legalName ...F } } fragment F on Operator { auditNotes }`, {}, await token('MX', 'officer'));
        expect(response.data?.a).toEqual({ secret: null, name: 'Exportadora 42 S.A.', auditNotes: null });
        expect(codesByPath(response)).toEqual({ 'a.secret': 'FORBIDDEN', 'a.auditNotes': 'FORBIDDEN' });
      });

      it('_entities (the federation entry point) applies the same rules', async () => {
        const response = await gql(url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Operator { aeoId legalName taxId } } }`, {
          r: [{ __typename: 'Operator', aeoId: 'CR-AEO-000042' }],
        }, await token('MX', 'officer'));
        expect(response.data?._entities).toEqual([{ aeoId: 'CR-AEO-000042', legalName: 'Exportadora 42 S.A.', taxId: null }]);
        expect(codesByPath(response)).toEqual({ '_entities.0.taxId': 'FORBIDDEN' });
      });

      it('batched operations are each checked', async () => {
        const officer = await token('MX', 'officer');
        const response = await post(url, [
          { query: '{ operator(aeoId: "CR-AEO-000042") { legalName } }' },
          { query: '{ operator(aeoId: "CR-AEO-000042") { taxId } }' },
        ], officer);
        expect(response.batch?.map((r) => r.data)).toEqual([{ operator: { legalName: 'Exportadora 42 S.A.' } }, { operator: { taxId: null } }]);
        expect(codesByPath(response.batch?.[1] ?? { status: 0 })).toEqual({ 'operator.taxId': 'FORBIDDEN' });
      });

      it('filtering by role never reveals roles a caller may not see', async () => {
        const query = `{ operators(country: "CR", role: CARRIER) { totalCount edges { node { aeoId } } } }`;
        expect((await gql(url, query, {}, await token('MX', 'officer'))).data?.operators).toMatchObject({ totalCount: 1 });
        expect((await gql(url, query)).data?.operators).toMatchObject({ totalCount: 0 });
      });

      it('a partner\'s node holds no private data of others: PRIVATE_DATA_ELSEWHERE names the owner', async () => {
        const response = await gql(cluster.servers.MX.url, `{ operator(aeoId: "CR-AEO-000042") { legalName taxId } }`, {}, await token('CR', 'officer'));
        expect(response.data?.operator).toEqual({ legalName: 'Exportadora 42 S.A.', taxId: null });
        expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'PRIVATE_DATA_ELSEWHERE', owner: 'CR' });
      });
    });

    describe('authentication', () => {
      it('_service { sdl } and introspection need an authenticated authority', async () => {
        expect(codesByPath(await gql(url, '{ _service { sdl } }'))).toEqual({ _service: 'UNAUTHENTICATED' });
        expect((await gql(url, '{ __schema { queryType { name } } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        const officer = await token('PE', 'officer');
        expect(((await gql(url, '{ _service { sdl } }', {}, officer)).data?._service as { sdl: string }).sdl).toMatch(/@key\(fields: "aeoId"\)/);
        expect((await gql(url, '{ __schema { queryType { name } } }', {}, officer)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      });

      it('a forged, expired or malformed token is UNAUTHENTICATED (401), never treated as anonymous', async () => {
        const good = await token('MX', 'officer');
        const [header, payload] = good.split('.');
        const forged = `${header}.${payload}.${'A'.repeat(86)}`;
        for (const bad of [forged, 'not-a-jwt']) {
          const response = await gql(url, '{ operator(aeoId: "CR-AEO-000042") { aeoId } }', {}, bad);
          expect(response.status).toBe(401);
          expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        }
      });
    });

    describe('queries', () => {
      it('operators is a Relay connection with stable cursors and filters', async () => {
        const first = await gql(url, `{ operators(first: 2) { totalCount edges { cursor node { aeoId } } pageInfo { hasNextPage endCursor } } }`);
        const page = first.data?.operators as { totalCount: number; edges: { node: { aeoId: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
        expect(page.totalCount).toBe(3);
        expect(page.edges.map((e) => e.node.aeoId)).toEqual(['CR-AEO-000042', 'CR-AEO-000043']);
        const next = await gql(url, `query($a: String) { operators(first: 2, after: $a) { edges { node { aeoId } } pageInfo { hasNextPage } } }`, { a: page.pageInfo.endCursor });
        expect(next.data?.operators).toEqual({ edges: [{ node: { aeoId: 'MX-AEO-000001' } }], pageInfo: { hasNextPage: false } });
        expect((await gql(url, '{ operators(first: 500) { totalCount } }')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect((await gql(url, '{ operators(after: "zzz") { totalCount } }')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect((await gql(url, '{ operators(country: "ZZ", after: "zzz") { totalCount } }')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect((await gql(url, '{ operators(country: "MX", status: ACTIVE) { totalCount } }')).data).toEqual({ operators: { totalCount: 1 } });
      });

      it('mra, mras, authority and ledgerHead read the shared ledger', async () => {
        const response = await gql(url, `{
          mra(id: "cadena") { id status parties signedAt terms { partner role fields } }
          mras { id }
          authority(country: "MX") { country publicKey keyId chainHead { sequence } }
          ledgerHead(country: "CR") { country sequence hash rootHash }
        }`);
        expect(response.data?.mra).toMatchObject({ id: 'cadena', status: 'ACTIVE', parties: ['MX', 'CR'], terms: [{ partner: '*', role: 'OFFICER' }, { role: 'ANALYST' }] });
        expect(response.data?.mras).toEqual([{ id: 'cadena' }]);
        expect(response.data?.authority).toMatchObject({ country: 'MX', keyId: cluster.net.keys.MX?.keyId });
        expect((response.data?.ledgerHead as { sequence: number }).sequence).toBe(cluster.nodes.CR.replica.height('CR'));
        expect((await gql(url, '{ operator(aeoId: "CR-AEO-999999") { aeoId } mra(id: "nope") { id } }')).data).toEqual({ operator: null, mra: null });
      });
    });

    describe('mutations: own authority, admin only; invalid ones change nothing', () => {
      it('only CR admins write CR\'s chain', async () => {
        const mutation = `mutation { suspendAeo(aeoId: "CR-AEO-000043", reason: "audit") { status } }`;
        expect((await gql(url, mutation)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect((await gql(url, mutation, {}, await token('CR', 'officer'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect((await gql(url, mutation, {}, await token('MX', 'admin'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect((await gql(cluster.servers.MX.url, mutation, {}, await token('MX', 'admin'))).errors?.[0]?.extensions?.code).toBe('NOT_ISSUER');
      });

      it('walks an AEO through grant, update, suspend, reinstate and revoke', async () => {
        const admin = await token('CR', 'admin');
        const granted = await gql(url, GRANT, { input: { ...grantInput('CR', 50), aeoId: undefined } }, admin);
        expect(granted.data?.grantAeo).toEqual({ aeoId: 'CR-AEO-000044', status: 'ACTIVE', privateDataVerified: true });
        const id = 'CR-AEO-000044';
        const updated = await gql(url, `mutation($i: UpdateAeoInput!) { updateAeo(input: $i) { tradeName taxId privateDataVerified } }`, {
          i: { aeoId: id, tradeName: 'Nuevo', private: { ...grantInput('CR', 50).private, taxId: '3-101-999999' } },
        }, admin);
        expect(updated.data?.updateAeo).toEqual({ tradeName: 'Nuevo', taxId: '3-101-999999', privateDataVerified: true });
        for (const [mutation, status] of [['suspendAeo', 'SUSPENDED'], ['reinstateAeo', 'ACTIVE'], ['revokeAeo', 'REVOKED']] as const) {
          const response = await gql(url, `mutation { ${mutation}(aeoId: "${id}", reason: "step") { status history { status } } }`, {}, admin);
          expect((response.data?.[mutation] as { status: string }).status).toBe(status);
        }
      });

      it('an invalid transition or input gets a coded error and appends nothing', async () => {
        const admin = await token('CR', 'admin');
        const height = cluster.nodes.CR.replica.height('CR');
        expect((await gql(url, `mutation { reinstateAeo(aeoId: "CR-AEO-000042", reason: "x") { status } }`, {}, admin)).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
        expect((await gql(url, `mutation { suspendAeo(aeoId: "CR-AEO-000999", reason: "x") { status } }`, {}, admin)).errors?.[0]?.extensions?.code).toBe('AEO_NOT_FOUND');
        const badDate = await gql(url, GRANT, { input: { ...grantInput('CR', 77), validUntil: '31/12/2026' } }, admin);
        expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(badDate.errors?.[0]?.message).toMatch(/validUntil/);
        expect((await gql(url, GRANT, { input: grantInput('CR', 42) }, admin)).errors?.[0]?.extensions?.code).toBe('AEO_EXISTS');
        expect(cluster.nodes.CR.replica.height('CR')).toBe(height);
        expect(cluster.nodes.CR.privateStore.get('CR-AEO-000077')).toBeUndefined();
      });

      it('MRA terms are ledger data: an amendment changes access once approved, retiring ends it at once', async () => {
        const [mxAdmin, crAdmin, officer] = [await token('MX', 'admin'), await token('CR', 'admin'), await token('MX', 'officer')];
        const read = async () => gql(url, '{ operator(aeoId: "CR-AEO-000042") { legalName auditNotes } }', {}, officer);
        const amended = [{ partner: '*', role: 'OFFICER', fields: ['legalName', 'auditNotes'] }];
        await gql(url, `mutation($i: ProposeMraInput!) { proposeMra(input: $i) { pending { version awaiting } } }`, {
          i: { mraId: 'cadena', name: 'CADENA MX-CR v2', parties: ['MX', 'CR'], terms: amended },
        }, crAdmin);
        expect(codesByPath(await read())).toEqual({ 'operator.auditNotes': 'FORBIDDEN' }); // not yet approved by MX
        expect((await gql(cluster.servers.MX.url, 'mutation { approveMra(mraId: "cadena") { activeVersion } }', {}, mxAdmin)).errors).toBeUndefined();
        await cluster.settle();
        expect((await read()).data?.operator).toEqual({ legalName: 'Exportadora 42 S.A.', auditNotes: 'clean audit 2025' });
        expect((await gql(url, 'mutation { retireFromMra(mraId: "cadena", reason: "ended") { status } }', {}, crAdmin)).data).toEqual({ retireFromMra: { status: 'RETIRED' } });
        expect(codesByPath(await read())).toEqual({ 'operator.legalName': 'FORBIDDEN', 'operator.auditNotes': 'FORBIDDEN' });
        // Re-establish the agreement for the tests that follow.
        await gql(cluster.servers.MX.url, `mutation($i: ProposeMraInput!) { proposeMra(input: $i) { status } }`, {
          i: { mraId: 'cadena-2', name: 'CADENA MX-CR (renewed)', parties: ['MX', 'CR'], terms: [{ partner: '*', role: 'OFFICER', fields: ['legalName', 'history'] }] },
        }, mxAdmin);
        await cluster.settle();
        expect((await gql(url, 'mutation { approveMra(mraId: "cadena-2") { status } }', {}, crAdmin)).data).toEqual({ approveMra: { status: 'ACTIVE' } });
        await cluster.settle();
      });
    });

    describe('subscription: operatorStatusChanged', () => {
      it('delivers status changes with each subscriber\'s own access rules applied', async () => {
        const query = `subscription { operatorStatusChanged(country: "CR") { aeoId status reason operator { legalName taxId } } }`;
        const officer = subscribe(cluster.servers.CR.wsUrl, query, await token('MX', 'officer'));
        const anonymous = subscribe(cluster.servers.CR.wsUrl, query);
        await Promise.all([officer.ready, anonymous.ready]);
        await new Promise((resolve) => setTimeout(resolve, 100));
        await gql(url, `mutation { suspendAeo(aeoId: "CR-AEO-000043", reason: "seal broken") { status } }`, {}, await token('CR', 'admin'));
        await eventually(() => officer.events.length > 0 && anonymous.events.length > 0, 5000);
        expect(officer.events[0]?.data).toEqual({ operatorStatusChanged: { aeoId: 'CR-AEO-000043', status: 'SUSPENDED', reason: 'seal broken', operator: { legalName: 'Exportadora 43 S.A.', taxId: null } } });
        expect(codesByPath(officer.events[0] ?? { status: 0 })).toEqual({ 'operatorStatusChanged.operator.taxId': 'FORBIDDEN' });
        expect(anonymous.events[0]?.data).toMatchObject({ operatorStatusChanged: { status: 'SUSPENDED', reason: null, operator: { legalName: null } } });
        await Promise.all([officer.close(), anonymous.close()]);
      });

      it('a partner\'s subscribers hear of a status change made at the owner, from their own replica', async () => {
        const watcher = subscribe(cluster.servers.MX.wsUrl, `subscription { operatorStatusChanged(country: "CR") { aeoId status } }`, await token('MX', 'officer'));
        await watcher.ready;
        await new Promise((resolve) => setTimeout(resolve, 100));
        await gql(url, `mutation { reinstateAeo(aeoId: "CR-AEO-000043", reason: "resealed") { status } }`, {}, await token('CR', 'admin'));
        await eventually(() => watcher.events.length > 0, 5000);
        expect(watcher.events[0]?.data).toEqual({ operatorStatusChanged: { aeoId: 'CR-AEO-000043', status: 'ACTIVE' } });
        await watcher.close();
      });

      it('refuses a subscription with an invalid token', async () => {
        const refused = subscribe(cluster.servers.CR.wsUrl, `subscription { operatorStatusChanged { aeoId } }`, 'not-a-jwt');
        await refused.done;
        expect(refused.failure()).not.toBeNull();
        expect(refused.events).toHaveLength(0);
      });
    });
  });
}
