import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../support/chromium.js';
import { tempDir } from '../support/temp-dir.js';
import { startMraGateways, type MraGateways } from './mra-gateway.js';

describe.skipIf(!chromiumAvailable())('gateway: GraphiQL in a browser on a closed network', () => {
  let mra: MraGateways;
  beforeAll(async () => {
    mra = await startMraGateways();
  });
  afterAll(async () => mra?.close());

  it('loads from the gateway alone, introspects with the officer\'s token and runs a query given in its URL', async () => {
    const token = await mra.cluster.token('MX', 'officer');
    const gateway = await mra.startGateway('MX', {}, { headers: { authorization: `Bearer ${token}` } });
    const origin = new URL(gateway.url).origin;
    const dir = tempDir();
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
      const elsewhere: string[] = [];
      const introspections: number[] = [];
      page.on('request', (request) => !request.url().startsWith(origin) && !request.url().startsWith('data:') && !request.url().startsWith('blob:') && elsewhere.push(request.url()));
      page.on('response', (response) => {
        if (response.request().method() === 'POST' && response.request().postData()?.includes('IntrospectionQuery')) introspections.push(response.status());
      });
      await page.goto(`${gateway.url}?query=${encodeURIComponent('{ operator(aeoId: "CR-AEO-000042") { legalName } }')}`);
      await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
      await expect.poll(() => introspections, { timeout: 10_000 }).toContain(200);
      await expect.poll(() => page.locator('.graphiql-query-editor').innerText(), { timeout: 10_000 }).toContain('CR-AEO-000042');
      await page.click('.graphiql-execute-button');
      // The editor renders spaces as no-break spaces, hence \s.
      await expect.poll(() => page.locator('.graphiql-response').innerText(), { timeout: 10_000 }).toMatch(/"legalName":\s"Exportadora\s42\sS\.A\."/);
      const shot = await page.screenshot({ path: join(dir, 'graphiql.png') });
      expect(shot.length).toBeGreaterThan(5000);
      expect(elsewhere).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
