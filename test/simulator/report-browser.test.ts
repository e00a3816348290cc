import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { planSimulation, simulate } from '../../simulator/index.js';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../support/chromium.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const SCENARIOS = join(import.meta.dirname, '..', '..', 'simulator', 'scenarios');
const SCREEN = { width: 1280, height: 720 };

/** Opens a page and collects console errors, page errors and any fetch of something not local. */
async function open(page: Page, file: string): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => !request.url().startsWith('file:') && problems.push(`fetched ${request.url()}`));
  await page.goto(`file://${file}`);
  return problems;
}

/** The key message is read in the first screen: it sits wholly above the fold, right under the title. */
async function expectKeyMessageInFirstScreen(page: Page): Promise<void> {
  const key = page.locator('#key-message');
  const box = await key.boundingBox();
  expect(box).not.toBeNull();
  expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(SCREEN.height);
  expect((await key.textContent())?.length).toBeGreaterThan(40);
}

describe.skipIf(!chromiumAvailable())('simulator: the reports in a browser', () => {
  it('a sweep report opens with its title and key message in the first screen, charts with axes and intervals', async () => {
    const dir = tempDir();
    const sets = ['days=60'];
    const plan = planSimulation({ file: join(SCENARIOS, 'hub-outage.yaml'), sets: [...sets, 'faults.outages.0.fromDay=10', 'faults.outages.1.fromDay=20', 'faults.outages.2.fromDay=30', 'faults.partitions.0.fromDay=40'], sweeps: ['pollSeconds=5,60'], lhs: [], seeds: '1..3' });
    await simulate(plan.scenario, { seeds: plan.seeds, out: join(dir, 'run'), points: plan.points, design: plan.design, sweep: plan.sweep, workers: 1 });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: SCREEN });
      const problems = await open(page, join(dir, 'run', 'report.html'));
      expect(await page.locator('h1').textContent()).toBe('A central hub goes down: what partners still know');
      expect(await page.title()).toMatch(/^A central hub goes down/);
      await expectKeyMessageInFirstScreen(page);
      const first = await page.screenshot({ path: join(dir, 'first-screen.png') });
      expect(first.length).toBeGreaterThan(10_000);
      const charts = page.locator('svg.chart');
      expect(await charts.count()).toBeGreaterThanOrEqual(8);
      for (const chart of await charts.all()) {
        expect((await chart.boundingBox())?.width).toBeGreaterThan(300);
        expect(await chart.locator('.axis-title').count()).toBeGreaterThanOrEqual(1);
        expect(await chart.locator('.axis').count()).toBeGreaterThanOrEqual(1);
      }
      expect(await page.locator('svg.chart .ci').count()).toBeGreaterThan(0); // intervals, several seeds ran
      expect(await page.locator('table.sensitivity tr').count()).toBeGreaterThan(1);
      expect(await page.locator('table.paired tr').count()).toBeGreaterThan(1);
      const sources = await page.locator('table.assumptions').textContent();
      expect(sources).toMatch(/LACChain/);
      expect(sources).toMatch(/assumption/);
      expect(await page.locator('.caveats li').count()).toBeGreaterThanOrEqual(5);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('mra-hub report runs/a runs/b writes one comparison page, key message in the first screen', async () => {
    const dir = tempDir();
    for (const [name, poll] of [['a', '15'], ['b', '60']] as const) {
      expect(runCli(['simulate', 'cadena-mx-cr', '--set', 'days=30', '--set', `pollSeconds=${poll}`, '--seeds', '1,2', '--out', join(dir, 'runs', name)]).status).toBe(0);
    }
    const out = join(dir, 'runs', 'compare.html');
    const report = runCli(['report', join(dir, 'runs', 'a'), join(dir, 'runs', 'b'), '--out', out]);
    expect(report.status).toBe(0);
    expect(runCli(['report', join(dir, 'runs', 'a'), dir]).stderr).toMatch(/is not a simulator run \(no metrics\.json\)/);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: SCREEN });
      const problems = await open(page, out);
      await expectKeyMessageInFirstScreen(page);
      expect(await page.locator('#key-message').textContent()).toMatch(/Comparing 2 runs of cadena-mx-cr: a \(2 seeds\), b \(2 seeds\)/);
      expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator('text=pollSeconds=60').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(dir, 'compare.png') });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
