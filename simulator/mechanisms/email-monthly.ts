import { DAY } from '../faults.js';
import { hashUnit } from '../random.js';
import { changeRecordBytes, unverifiedTampering, type Delivery, type MechanismContext, type Propagation } from './types.js';

/**
 * Pre-CADENA practice: on the 1st of every month each authority e-mails its partners the list of
 * its AEOs; a partner's staff update their systems some days later (processingDays).
 */
export function emailMonthly(ctx: MechanismContext): Propagation {
  const { world } = ctx;
  const start = new Date(`${world.scenario.start}T09:00:00Z`);
  const mailings: number[] = [];
  for (let m = 1; ; m++) {
    const at = (Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1, 9) - start.getTime()) / 1000;
    if (at >= world.horizon) break;
    mailings.push(at);
  }
  const [minDays, maxDays] = world.scenario.email.processingDays;
  const deliveries: Delivery[] = [];
  world.changes.forEach((change, index) => {
    const month = mailings.findIndex((at) => at > change.at);
    for (const partner of ctx.partnersOf(change.country)) {
      const mailed = mailings[month];
      const processed = mailed === undefined ? null : mailed + (minDays + (maxDays - minDays) * hashUnit(world.seed, 'email', partner, month)) * DAY;
      deliveries.push({ change: index, partner, at: processed !== null && processed < world.horizon ? processed : null });
    }
  });
  let bytes = 0;
  let messages = 0;
  for (const [country, operators] of world.byCountry) {
    const list = operators.reduce((sum, op) => sum + Buffer.byteLength(JSON.stringify({ aeoId: op.aeoId, legalName: op.legalName, taxId: op.taxId, status: 'ACTIVE' })), 0);
    const partners = ctx.partnersOf(country).length;
    messages += mailings.length * partners;
    bytes += mailings.length * partners * (list + 2000); // + e-mail headers
  }
  const changeBytes = world.changes.reduce((sum, c) => sum + changeRecordBytes(c), 0);
  return { mechanism: 'email-monthly', deliveries, messages, bytes: bytes + changeBytes, tampering: unverifiedTampering(ctx), nodeQueries: 0, nodeMismatches: 0 };
}
