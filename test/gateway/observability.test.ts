import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiveLogger, jsonLogger } from '../../gateway/observability/index.js';
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

  it('is the client\'s end, not a fault of the gateway\'s: nothing logged at error level', () => {
    const lines = mra.logs.slice(logged);
    expect(lines.filter((line) => line.level === 'error')).toEqual([]);
    expect(lines.every((line) => typeof line.msg === 'string' && line.msg !== '')).toBe(true);
  });
});
