import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../gateway/security/index.js';
import { startMraGateways, type MraGateways } from './mra-gateway.js';

describe('gateway: per-caller rate limiting (token bucket by authority and subject)', () => {
  it('a bucket holds `burst` tokens, refills at `perSecond`, and says when to retry', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perSecond: 2, burst: 3, now: () => new Date(now) });
    expect([1, 2, 3].map(() => buckets.take('MX:officer').allowed)).toEqual([true, true, true]);
    expect(buckets.take('MX:officer')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(buckets.take('CR:officer').allowed).toBe(true);
    now += 500;
    expect(buckets.take('MX:officer').allowed).toBe(true);
    expect(buckets.take('MX:officer').allowed).toBe(false);
  });

  describe('through a gateway (burst 3, next token in 100 s)', () => {
    let mra: MraGateways;
    let url: string;
    beforeAll(async () => {
      mra = await startMraGateways();
      url = (await mra.startGateway('MX', { rateLimit: { perSecond: 0.01, burst: 3 } })).url;
    });
    afterAll(async () => mra?.close());

    /** A plain client's POST goes by the fast lane; a browser page's (Origin) by the runtime's own path. */
    const ask = (token: string, browser: boolean) => fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(browser ? { origin: url.replace(/\/graphql$/, '') } : {}) },
      body: JSON.stringify({ query: '{ mras { id } }' }),
    });

    it('one bucket per caller across the fast lane and the runtime path: over it, 429 with Retry-After and RATE_LIMITED', async () => {
      const officer = await mra.cluster.token('MX', 'officer');
      expect((await ask(officer, false)).status).toBe(200);
      expect((await ask(officer, true)).status).toBe(200);
      expect((await ask(officer, false)).status).toBe(200);
      for (const browser of [false, true]) {
        const refused = await ask(officer, browser);
        expect(refused.status).toBe(429);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
        expect(body.errors[0]?.extensions.code).toBe('RATE_LIMITED');
        expect(body.errors[0]?.message).toMatch(/rate limit/);
      }
      // Another subject of the same authority has its own bucket.
      expect((await ask(await mra.cluster.token('MX', 'analyst'), false)).status).toBe(200);
    });
  });
});
