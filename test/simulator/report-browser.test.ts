import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadScenario, simulate } from '../../simulator/index.js';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../support/chromium.js';
import { tempDir } from '../support/temp-dir.js';

describe.skipIf(!chromiumAvailable())('simulator: the HTML report in a browser', () => {
  it('opens in headless Chromium without errors, and a screenshot shows its charts', async () => {
    const dir = tempDir();
    const scenario = loadScenario(join(import.meta.dirname, '..', '..', 'simulator', 'scenarios', 'hub-outage.yaml'));
    await simulate(scenario, { seeds: [11], out: dir });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      const problems: string[] = [];
      page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('request', (request) => !request.url().startsWith('file:') && problems.push(`fetched ${request.url()}`));
      await page.goto(`file://${join(dir, 'report.html')}`);
      expect(await page.title()).toMatch(/hub-outage/);
      const charts = page.locator('svg.chart');
      expect(await charts.count()).toBeGreaterThanOrEqual(4);
      for (const chart of await charts.all()) {
        const box = await chart.boundingBox();
        expect(box?.width).toBeGreaterThan(300);
        expect(await chart.locator('rect').count()).toBe(scenario.mechanisms.length);
      }
      const shot = await page.locator('svg.chart').first().screenshot({ path: join(dir, 'chart.png') });
      expect(shot.length).toBeGreaterThan(2000); // a PNG with drawn bars, not a blank box
      const full = await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
      expect(full.length).toBeGreaterThan(shot.length);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
