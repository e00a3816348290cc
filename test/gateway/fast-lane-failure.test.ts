import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastLane } from '../../gateway/server/fast-lane.js';

/** A runtime whose pipeline fails outright (a plugin's bug, say), as no real one should. */
const failing = {
  getSchema: async () => undefined,
  getResultForParams: async () => {
    throw new Error('connect ECONNREFUSED 10.0.0.7:5432 (secret detail)');
  },
  fetchAPI: { Request, Response },
} as unknown as GatewayRuntime;

describe('gateway: the fast lane when the runtime fails', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer(fastLane(failing, { endpoint: '/graphql', maxBodyBytes: 1_000 }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers HTTP 500 "internal error" (INTERNAL_SERVER_ERROR), not a dropped connection, and shows nothing of the failure', async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ operators { totalCount } }' }) });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(text).not.toMatch(/ECONNREFUSED|secret/);
  });

});
