import { DAY } from '../faults.js';
import { hashUnit } from '../random.js';
import { plainForgeries } from './plain-forgeries.js';
import { deliverWithRetry } from './retry.js';
import { changeRecordBytes, type Delivery, type MechanismContext, type Propagation, type ViewRecord } from './types.js';

/** Mailing times (seconds since the start) on `dayOfMonth` at `sendAt` UTC, within the run. */
export function mailingTimes(start: string, horizon: number, dayOfMonth: number, sendAt: string): number[] {
  const origin = Date.parse(`${start}T00:00:00Z`);
  const [hours, minutes] = sendAt.split(':').map(Number) as [number, number];
  const first = new Date(origin);
  const out: number[] = [];
  for (let m = 0; ; m++) {
    const at = (Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, dayOfMonth, hours, minutes) - origin) / 1000;
    if (at >= horizon) return out;
    if (at >= 0) out.push(at);
  }
}

/**
 * Pre-CADENA practice: each month, on `dayOfMonth` at `sendAt`, each authority e-mails its
 * partners the list of its AEOs; a lost e-mail is retried (SMTP), and a partner's staff update
 * their systems some days later (processingDays), when their system is up. The full list
 * restates every status, so a forged e-mail lasts until the next genuine list is processed.
 */
export function emailMonthly(ctx: MechanismContext): Propagation {
  const { world, faults } = ctx;
  const { email, network, costs } = world.scenario;
  const mailings = mailingTimes(world.scenario.start, world.horizon, email.dayOfMonth, email.sendAt);
  const processed = (from: string, partner: string, t: number, labels: (string | number)[]): number | null => {
    const sent = faults.nextUp(from, t);
    const received = deliverWithRetry(faults, world.seed, partner, sent, { loss: network.loss, retrySeconds: email.retryMinutes * 60, horizon: world.horizon, labels: ['email', ...labels] });
    if (received === null) return null;
    const [min, max] = email.processingDays;
    const at = faults.nextUp(partner, received + (min + (max - min) * hashUnit(world.seed, 'email-processing', ...labels)) * DAY);
    return at < world.horizon ? at : null;
  };
  const listArrival = new Map<string, number | null>();
  const listAt = (from: string, partner: string, month: number) => {
    const key = `${from}:${partner}:${month}`;
    if (!listArrival.has(key)) listArrival.set(key, processed(from, partner, mailings[month] as number, [from, partner, month]));
    return listArrival.get(key) ?? null;
  };
  const deliveries: Delivery[] = [];
  world.changes.forEach((change, index) => {
    const month = mailings.findIndex((at) => at > change.at);
    for (const partner of ctx.partnersOf(change.country)) {
      deliveries.push({ change: index, partner, at: month < 0 ? null : listAt(change.country, partner, month) });
    }
  });
  const forged = plainForgeries(ctx, 'email-monthly', email.forgedAcceptedShare, (a, receiver) => processed(a.tamperer, receiver, a.at, ['forgery', a.n, receiver]));
  const restated: ViewRecord[] = [];
  for (const record of forged.records) {
    const victim = world.operators.find((op) => op.aeoId === record.aeoId)?.country as string;
    const month = mailings.findIndex((at, m) => (listAt(victim, record.partner, m) ?? Infinity) > record.at && at >= 0);
    const at = month < 0 ? null : listAt(victim, record.partner, month);
    if (at !== null) restated.push({ partner: record.partner, aeoId: record.aeoId, at, status: ctx.truth.statusAt('*', record.aeoId, mailings[month] as number), forged: false });
  }
  let bytes = 0;
  let messages = 0;
  for (const [country, operators] of world.byCountry) {
    const list = operators.reduce((sum, op) => sum + Buffer.byteLength(JSON.stringify({ aeoId: op.aeoId, legalName: op.legalName, taxId: op.taxId, status: 'ACTIVE' })), 0);
    const partners = ctx.partnersOf(country).length;
    messages += mailings.length * partners;
    bytes += mailings.length * partners * (list + costs.emailHeaderBytes);
  }
  const changeBytes = world.changes.reduce((sum, c) => sum + changeRecordBytes(c), 0);
  return {
    mechanism: 'email-monthly', deliveries, records: [...forged.records, ...restated], messages, bytes: bytes + changeBytes,
    tampering: forged.tampering, nodeQueries: 0, nodeMismatches: 0, stalledSeconds: 0,
  };
}
