import { DAY, HOUR } from '../faults.js';
import { hashUnit } from '../random.js';
import { changeRecordBytes, unverifiedTampering, type Delivery, type MechanismContext, type Propagation } from './types.js';

/**
 * EU–US style: each night every authority sends partners a batch file of the day's changes;
 * partners load it within processingHours. A batch waits while its sender's system is down.
 */
export function batchDaily(ctx: MechanismContext): Propagation {
  const { world, faults } = ctx;
  const [minHours, maxHours] = world.scenario.batch.processingHours;
  const deliveries: Delivery[] = [];
  const batchBytes = new Map<string, number>();
  world.changes.forEach((change, index) => {
    const day = Math.floor(change.at / DAY) + 1;
    const sent = faults.nextUp(change.country, day * DAY);
    for (const partner of ctx.partnersOf(change.country)) {
      const loaded = faults.nextUp(partner, sent) + (minHours + (maxHours - minHours) * hashUnit(world.seed, 'batch', partner, day)) * HOUR;
      deliveries.push({ change: index, partner, at: loaded < world.horizon ? loaded : null });
      const key = `${change.country}:${partner}:${day}`;
      batchBytes.set(key, (batchBytes.get(key) ?? 0) + changeRecordBytes(change));
    }
  });
  const days = Math.ceil(world.horizon / DAY);
  const pairs = [...world.byCountry.keys()].reduce((sum, c) => sum + ctx.partnersOf(c).length, 0);
  const bytes = pairs * days * 500 + [...batchBytes.values()].reduce((a, b) => a + b, 0); // file envelope + records
  return { mechanism: 'batch-daily', deliveries, messages: pairs * days, bytes, tampering: unverifiedTampering(ctx), nodeQueries: 0, nodeMismatches: 0 };
}
