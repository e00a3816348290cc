import { DAY, HOUR } from '../faults.js';
import { hashUnit } from '../random.js';
import { plainForgeries } from './plain-forgeries.js';
import { deliverWithRetry } from './retry.js';
import { changeRecordBytes, type Delivery, type MechanismContext, type Propagation } from './types.js';

/**
 * EU–US style: each day at `sendAt` every authority sends partners a file of the changes since
 * the last one; a lost transfer is retried after `retryHours`, and partners load it within
 * processingHours. A batch waits while its sender's or receiver's system is down.
 */
export function batchDaily(ctx: MechanismContext): Propagation {
  const { world, faults } = ctx;
  const { batch, network, costs } = world.scenario;
  const [hh, mm] = batch.sendAt.split(':').map(Number) as [number, number];
  const offset = hh * HOUR + mm * 60;
  const [minHours, maxHours] = batch.processingHours;
  const loaded = (from: string, partner: string, t: number, labels: (string | number)[]) => {
    const received = deliverWithRetry(faults, world.seed, partner, faults.nextUp(from, t), { loss: network.loss, retrySeconds: batch.retryHours * HOUR, horizon: world.horizon, labels: ['batch', ...labels] });
    if (received === null) return null;
    const at = received + (minHours + (maxHours - minHours) * hashUnit(world.seed, 'batch', ...labels)) * HOUR;
    return at < world.horizon ? at : null;
  };
  const deliveries: Delivery[] = [];
  const batchBytes = new Map<string, number>();
  const arrivals = new Map<string, number | null>();
  world.changes.forEach((change, index) => {
    const day = Math.floor((change.at - offset) / DAY) + 1;
    for (const partner of ctx.partnersOf(change.country)) {
      const key = `${change.country}:${partner}:${day}`;
      if (!arrivals.has(key)) arrivals.set(key, loaded(change.country, partner, day * DAY + offset, [change.country, partner, day]));
      deliveries.push({ change: index, partner, at: arrivals.get(key) ?? null });
      batchBytes.set(key, (batchBytes.get(key) ?? 0) + changeRecordBytes(change));
    }
  });
  const days = Math.ceil(world.horizon / DAY);
  const pairs = [...world.byCountry.keys()].reduce((sum, c) => sum + ctx.partnersOf(c).length, 0);
  const bytes = pairs * days * costs.batchEnvelopeBytes + [...batchBytes.values()].reduce((a, b) => a + b, 0);
  const forged = plainForgeries(ctx, 'batch-daily', batch.forgedAcceptedShare, (a, receiver) => {
    const day = Math.floor((a.at - offset) / DAY) + 1;
    return loaded(a.tamperer, receiver, day * DAY + offset, ['forgery', a.n, receiver]);
  });
  return { mechanism: 'batch-daily', deliveries, records: forged.records, messages: pairs * days, bytes, tampering: forged.tampering, nodeQueries: 0, nodeMismatches: 0, stalledSeconds: 0 };
}
