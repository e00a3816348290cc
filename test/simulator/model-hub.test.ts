import { describe, expect, it } from 'vitest';
import { delaysOf, meanOf, miniWorld, runMini } from './mini-world.js';

describe('simulator model: the hub pays its own costs', () => {
  it('a hub with 5% loss delivers later than one without (lost hops are sent again)', async () => {
    const clean = miniWorld();
    clean.mechanisms = ['hub'];
    const lossy = { ...clean, network: { ...clean.network, loss: 0.05 } };
    const [a, b] = [await runMini(clean, 3), await runMini(lossy, 3)];
    const [fast, slow] = [delaysOf(a.events, 'hub'), delaysOf(b.events, 'hub')];
    expect(fast.length).toBeGreaterThan(20);
    expect(slow.length).toBe(fast.length);
    expect(meanOf(slow)).toBeGreaterThan(meanOf(fast) + 1);
    expect(Math.max(...slow)).toBeGreaterThan(Math.max(...fast));
  });

  it('every message spends the hub\'s processing time there (default 1 to 10 s)', async () => {
    const world = miniWorld();
    world.mechanisms = ['hub'];
    const delays = delaysOf((await runMini(world, 4)).events, 'hub');
    expect(delays.length).toBeGreaterThan(20);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(1);
  });

  it('a hub outage holds every message until the hub is back', async () => {
    const world = { ...miniWorld(), mechanisms: ['hub'], faults: { outages: [{ target: 'hub', fromDay: 0, hours: 24 * 20 }] } };
    const { events } = await runMini(world, 5);
    const delivered = events.filter((e) => e.type === 'delivered' && e.mechanism === 'hub' && typeof e.t === 'number');
    expect(delivered.length).toBeGreaterThan(5);
    for (const d of delivered) expect(d.t as number).toBeGreaterThanOrEqual(20 * 86_400);
  });
});
