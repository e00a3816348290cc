import { canonicalJson, Replicator, type Command, type Entry, type Replica, type SigningKey } from '../../subgraphs/ledger/index.js';
import { SimulationError } from '../errors.js';
import { DAY } from '../faults.js';
import type { TruthChange } from '../world.js';
import { buildLedgerNetwork } from './ledger-network.js';
import { nodeLookups } from './ledger-lookups.js';
import { Visibility } from './ledger-visibility.js';
import { SimLogNetwork } from './sim-chain-log.js';
import { forge, offerForgery } from './tamper.js';
import type { Delivery, MechanismContext, Propagation, ViewRecord } from './types.js';

const COMMAND = { suspend: 'suspendAeo', reinstate: 'reinstateAeo', revoke: 'revokeAeo' } as const;
const STATUS_AFTER = { suspend: 'SUSPENDED', reinstate: 'ACTIVE', revoke: 'REVOKED' } as const;
const commandFor = (c: TruthChange): Command => ({ kind: COMMAND[c.kind], aeoId: c.aeoId, reason: c.reason });

/** Something at a virtual time; `order` breaks ties: writes, polls, lookups, forgeries. */
interface TimedEvent {
  readonly at: number;
  readonly order: 0 | 1 | 2 | 3;
  readonly key: string;
  readonly run: () => void | Promise<void>;
}

/**
 * `shared-ledger` (CADENA: one permissioned ledger) and `bridged-ledgers` (one per side, joined by a
 * bridge), run through the real code on a virtual clock: each issuer's replica decides and signs
 * its changes; every country's real `Replicator` publishes and reads through a transport where the
 * simulated network (consensus quorum, partitions, outages, loss, polling) decides what each
 * partner's node holds at each poll; each replica verifies what it applies. Delivery times are
 * those at which the partner's replica applied the entry.
 */
export async function ledger(ctx: MechanismContext, mode: 'shared-ledger' | 'bridged-ledgers'): Promise<Propagation> {
  const { world, faults } = ctx;
  const network = buildLedgerNetwork(world);
  const visibility = new Visibility(world, faults);
  const sim = new SimLogNetwork();
  const countries = [...network.replicas.keys()];
  const atStart = new Map(countries.map((c) => [c, 0]));
  let readable: ReadonlyMap<string, number> = atStart;
  sim.readableTimes = () => readable;
  let now = 0;
  const changeOf = new Map<string, number>();
  const applied: Delivery[] = [];
  const appliedLog: Delivery[] = [];
  const records: ViewRecord[] = [];
  for (const [partner, replica] of network.replicas) {
    replica.subscribe((event) => {
      const index = event.kind === 'applied' && !event.local ? changeOf.get(event.entry.hash) : undefined;
      if (index === undefined) return;
      applied.push({ change: index, partner, at: now });
      appliedLog.push({ change: index, partner, at: now });
    });
  }
  const replicators = [...network.replicas].map(([country, replica]) => new Replicator({ replica, log: sim.connect(country), name: country, antiEntropyMs: 3_600_000 }));
  await Promise.all(replicators.map((r) => r.start()));

  const events: TimedEvent[] = [];
  const planned: Delivery[] = [];
  let bytes = 0;
  world.changes.forEach((change, index) => {
    const appendedAt = faults.nextUp(change.country, change.at);
    const arrivals = new Map(ctx.partnersOf(change.country).map((p) => [p, mode === 'shared-ledger' ? visibility.shared(change.country, p, appendedAt) : visibility.bridged(change.country, p, appendedAt)]));
    events.push({ at: appendedAt, order: 0, key: `${change.country}:${String(index).padStart(8, '0')}`, run: async () => {
      readable = new Map([...arrivals].flatMap(([p, a]) => (a ? [[p, a.readable] as const] : [])));
      const entry = (network.replicas.get(change.country) as Replica).submit(commandFor(change));
      changeOf.set(entry.hash, index);
      bytes += Buffer.byteLength(canonicalJson(entry)) * arrivals.size;
      await published(sim, entry);
    } });
    for (const [partner, arrival] of arrivals) {
      planned.push({ change: index, partner, at: arrival?.visible ?? null });
      if (arrival) events.push({ at: arrival.visible, order: 1, key: `${partner}|${arrival.polled}`, run: () => sim.poll(partner, arrival.polled) });
    }
  });
  const lookups = await nodeLookups(world, network.replicas, mode);
  const delivered = new Map<string, string>();
  const expected = (partner: string, aeoId: string) => delivered.get(`${partner}|${aeoId}`) ?? 'ACTIVE';
  for (let day = 1; day <= world.scenario.days; day++) {
    events.push({ at: day * DAY - 1e-6, order: 2, key: String(day).padStart(5, '0'), run: () => {
      for (const d of applied.splice(0)) {
        const change = world.changes[d.change] as TruthChange;
        delivered.set(`${d.partner}|${change.aeoId}`, STATUS_AFTER[change.kind]);
      }
      return lookups.lookUp(expected);
    } });
  }
  const byCode: Record<string, number> = {};
  let detected = 0;
  let accepted = 0;
  for (const attempt of ctx.forgeries) {
    events.push({ at: attempt.at, order: 3, key: String(attempt.n).padStart(6, '0'), run: () => {
      for (const verdict of offerForgery(forge(attempt, network.replicas, network.keys.get(attempt.tamperer) as SigningKey), attempt.tamperer, network.replicas)) {
        if (verdict.code === 'ACCEPTED') {
          accepted += 1;
          records.push({ partner: verdict.replica, aeoId: attempt.aeoId, at: attempt.at, status: attempt.claim, forged: true });
        } else {
          detected += 1;
          byCode[verdict.code] = (byCode[verdict.code] ?? 0) + 1;
        }
      }
    } });
  }
  events.sort((a, b) => a.at - b.at || a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const done = new Set<string>();
  for (const event of events) {
    if (event.order === 1 && done.has(event.key)) continue; // one read per partner and poll
    if (event.order === 1) done.add(event.key);
    now = event.at;
    network.setTime(event.at);
    await event.run();
  }
  sim.close();
  await Promise.all(replicators.map((r) => r.stop()));
  lookups.close();
  const deliveries = reconcile(planned, appliedLog);
  const interval = mode === 'shared-ledger' ? world.scenario.ledger.pollSeconds : world.scenario.ledger.bridgeSeconds;
  const polls = Math.round((world.horizon / interval) * countries.reduce((sum, c) => sum + ctx.partnersOf(c).length, 0));
  return {
    mechanism: mode, deliveries, records, messages: planned.length + polls, bytes: bytes + polls * world.scenario.costs.pollBytes,
    tampering: { attempts: ctx.forgeries.length, detected, accepted, byCode }, nodeQueries: lookups.counts.queries, nodeMismatches: lookups.counts.mismatches,
    stalledSeconds: mode === 'shared-ledger' ? visibility.consensus.stalledSeconds() : 0,
  };
}

/** Waits until the issuer's replicator has published its new entry to the transport. */
async function published(sim: SimLogNetwork, entry: Entry): Promise<void> {
  for (let turn = 0; sim.top(entry.authority) < entry.sequence; turn++) {
    if (turn > 1000) throw new SimulationError(`internal: ${entry.authority}#${entry.sequence} was never published by its replicator`, 'INTERNAL');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** What replication applied is what the network schedule says arrived; anything else is a product or model bug. */
function reconcile(planned: readonly Delivery[], applied: readonly Delivery[]): Delivery[] {
  const got = new Map(applied.map((d) => [`${d.change}|${d.partner}`, d.at]));
  for (const p of planned) {
    const at = got.get(`${p.change}|${p.partner}`) ?? null;
    if (at !== p.at) throw new SimulationError(`internal: change ${p.change} reached ${p.partner} at ${at ?? 'never'}, the network schedule says ${p.at ?? 'never'}`, 'INTERNAL');
  }
  if (got.size !== planned.filter((p) => p.at !== null).length) throw new SimulationError(`internal: replication applied ${got.size} changes, the schedule expected fewer`, 'INTERNAL');
  return planned.map((p) => ({ ...p }));
}
