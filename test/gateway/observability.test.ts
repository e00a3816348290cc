import { GraphQLError, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unavailable, type NodeClient } from '../../gateway/jurisdiction/node-client.js';
import { hiveLogger, jsonLogger, watchedNodeClients } from '../../gateway/observability/index.js';
import type { SigningKey } from '../../subgraphs/ledger/index.js';
import { mintToken } from '../../subgraphs/node/index.js';
import { budget } from '../support/budget.js';
import { startMraGateways, type MraGateways } from './mra-gateway.js';

/** A JSON logger whose lines are kept, parsed. */
function kept() {
  const lines: Record<string, unknown>[] = [];
  const log = jsonLogger({ level: 'debug', now: () => new Date(0), write: (line) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { lines, log };
}

describe('gateway logs: every line says what happened', () => {
  it('the runtime logging an error alone: the line\'s message is the error\'s', () => {
    const { lines, log } = kept();
    hiveLogger(log, 'debug').error(new GraphQLError('internal error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } }));
    expect(lines).toEqual([{ time: new Date(0).toISOString(), level: 'error', msg: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
  });

  it('an Error alone, or fields alone: a message all the same', () => {
    const { lines, log } = kept();
    log.error(new Error('connect ECONNREFUSED'));
    log.warn({ node: 'CR' });
    expect(lines.map((line) => line.msg)).toEqual(['connect ECONNREFUSED', 'no message']);
  });
});

describe('gateway logs: a node that stops answering', () => {
  it('is one warn line however many requests find it so, and one info line when it answers again', async () => {
    const { lines, log } = kept();
    const answers = [false, false, false, true, true, false];
    const node: NodeClient = {
      country: 'CR', url: 'http://cr.invalid/graphql',
      query: async () => (answers.shift() ? { data: { __typename: 'Query' } } : { errors: [unavailable('CR')] }),
      subscribe: async function* () { /* none */ },
    };
    const watched = watchedNodeClients(new Map([['CR', node]]), log).get('CR') as NodeClient;
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await watched.query({ document: parse('{ __typename }') }, undefined));
    // Each caller still gets the node's answer, or NODE_UNAVAILABLE.
    expect(results.map((r) => r.errors?.[0]?.extensions.code ?? 'answered')).toEqual(['NODE_UNAVAILABLE', 'NODE_UNAVAILABLE', 'NODE_UNAVAILABLE', 'answered', 'answered', 'NODE_UNAVAILABLE']);
    expect(lines.map((line) => [line.level, line.msg, line.node, line.url])).toEqual([
      ['warn', 'node unavailable: its fields are answered NODE_UNAVAILABLE until it answers', 'CR', 'http://cr.invalid/graphql'],
      ['info', 'node answers again', 'CR', 'http://cr.invalid/graphql'],
      ['warn', 'node unavailable: its fields are answered NODE_UNAVAILABLE until it answers', 'CR', 'http://cr.invalid/graphql'],
    ]);
  });
});

/** The label sets of one metric's series on a /metrics page (its histogram's buckets, sum and count as one). */
function seriesOf(page: string, metric: string): Record<string, string>[] {
  const seen = new Map<string, Record<string, string>>();
  for (const [, labels = ''] of page.matchAll(new RegExp(`^${metric}(?:_bucket|_sum|_count)?\\{(.*)\\} `, 'gm'))) {
    const set = Object.fromEntries([...labels.matchAll(/(\w+)="([^"]*)"/g)].filter(([, name]) => name !== 'le').map(([, name, value]) => [name, value]));
    seen.set(JSON.stringify(Object.entries(set).sort()), set as Record<string, string>);
  }
  return [...seen.values()];
}

describe('gateway: a subscription over SSE that ends on its token\'s expiry', () => {
  let mra: MraGateways;
  let stream: string;
  let logged: number;
  beforeAll(async () => {
    mra = await startMraGateways();
    logged = mra.logs.length;
    const ttl = Math.ceil(budget(2000) / 1000);
    const token = await mintToken(mra.cluster.net.keys.MX as SigningKey, { country: 'MX', role: 'officer', subject: 'short@MX' }, new Date(), ttl);
    const response = await fetch(mra.gateways.MX.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'subscription { operatorStatusChanged { aeoId } }' }),
    });
    stream = await response.text();
  });
  afterAll(async () => mra?.close());

  it('tells the subscriber (UNAUTHENTICATED "token expired"), then completes', () => {
    const events = [...stream.matchAll(/event: (\w+)\ndata: ?(.*)/g)].map(([, type, data]) => [type, data ? JSON.parse(data) as unknown : undefined]);
    expect(events).toEqual([['next', { errors: [{ message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } }] }], ['complete', undefined]]);
  });

  it('is counted once, as an error of its subscription\'s `subscribe` phase (no label "undefined")', async () => {
    const page = await (await fetch(mra.gateways.MX.url.replace(/\/graphql$/, '/metrics'))).text();
    expect(page).not.toMatch(/="undefined"/);
    expect(seriesOf(page, 'graphql_envelop_error_result')).toEqual([{ operationName: 'Anonymous', operationType: 'subscription', phase: 'subscribe' }]);
  });

  it('is the client\'s end, not a fault of the gateway\'s: nothing logged at error level', () => {
    const lines = mra.logs.slice(logged);
    expect(lines.filter((line) => line.level === 'error')).toEqual([]);
    expect(lines.every((line) => typeof line.msg === 'string' && line.msg !== '')).toBe(true);
  });
});

describe('gateway metrics: labelled by the operation a request runs', () => {
  let mra: MraGateways;
  beforeAll(async () => {
    mra = await startMraGateways();
  });
  afterAll(async () => mra?.close());

  it('a fragment first, several operations, a document that does not parse: each by its own operation, never "undefined"', async () => {
    const post = (body: Record<string, unknown>) => fetch(mra.gateways.CR.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await post({ query: 'fragment F on Query { __typename } query Q { ...F }' });
    await post({ query: 'query A { __typename } mutation B { __typename }', operationName: 'B' });
    await post({ query: '{ operator(aeoId: ' });
    await post({ query: 'fragment F on Query { __typename } query V { ...F nope }' });
    const page = await (await fetch(mra.gateways.CR.url.replace(/\/graphql$/, '/metrics'))).text();
    expect(page).not.toMatch(/="undefined"/);
    for (const metric of ['graphql_envelop_request', 'graphql_envelop_request_duration']) {
      expect(seriesOf(page, metric), metric).toEqual(expect.arrayContaining([{ operationName: 'Q', operationType: 'query' }, { operationName: 'B', operationType: 'mutation' }]));
      expect(seriesOf(page, metric).length, metric).toBe(2);
    }
    expect(seriesOf(page, 'graphql_envelop_error_result')).toEqual(expect.arrayContaining([
      { operationName: 'Anonymous', operationType: 'unknown', phase: 'parse' }, { operationName: 'V', operationType: 'query', phase: 'validate' },
    ]));
  });
});
