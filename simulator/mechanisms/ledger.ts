import { execute, parse } from 'graphql';
import { canonicalJson, InProcessBus, type ChainLog, type Command, type Entry, type Replica } from '../../subgraphs/ledger/index.js';
import { SimulationError } from '../errors.js';
import { buildNodeSchema, CountryNode, type NodeContext } from '../../subgraphs/node/index.js';
import { DAY } from '../faults.js';
import { Rng } from '../random.js';
import type { TruthChange } from '../world.js';
import { buildLedgerNetwork } from './ledger-network.js';
import { Visibility } from './ledger-visibility.js';
import { attemptForgeries } from './tamper.js';
import type { Delivery, MechanismContext, Propagation, TamperingOutcome } from './types.js';

const POLL_BYTES = 350; // one poll: request and empty response, with headers
const STATUS_QUERY = parse('query($id: String!) { operator(aeoId: $id) { status } }');

function commandFor(change: TruthChange): Command {
  const kind = change.kind === 'suspend' ? 'suspendAeo' : change.kind === 'reinstate' ? 'reinstateAeo' : 'revokeAeo';
  return { kind, aeoId: change.aeoId, reason: change.reason };
}

const STATUS_AFTER = { suspend: 'SUSPENDED', reinstate: 'ACTIVE', revoke: 'REVOKED' } as const;

/** Something that happens at a virtual time; `order` breaks ties: publish, then poll, then lookups. */
interface TimedEvent {
  readonly at: number;
  readonly order: 0 | 1 | 2;
  readonly key: string;
  readonly run: () => void | Promise<void>;
}

/**
 * `shared-ledger` (CADENA: one permissioned ledger) and `bridged-ledgers` (one per side, joined by a
 * bridge), run through the real code: the issuer's replica decides and signs each change on the
 * virtual clock; each partner's replica verifies and applies it when it becomes visible there;
 * once a day a partner officer looks an AEO up through that partner's real GraphQL node.
 */
export async function ledger(ctx: MechanismContext, mode: 'shared-ledger' | 'bridged-ledgers'): Promise<Propagation> {
  const { world, faults } = ctx;
  const network = buildLedgerNetwork(world);
  const visibility = new Visibility(world, faults);
  const replica = (country: string) => network.replicas.get(country) as Replica;
  /** Entries each partner holds of other authorities' chains (after the setup at time 0). */
  const replicatedEntries = () => [...network.replicas.keys()].reduce((sum, p) => sum + ctx.partnersOf(p).reduce((s, i) => s + replica(p).height(i), 0), 0);
  const initial = replicatedEntries();
  // The real transport: one log for the shared ledger; for bridged ledgers, each partner's own.
  // Each log starts with what every replica already holds: the chains written at time 0.
  const buses = new Map<string, InProcessBus>();
  for (const key of mode === 'shared-ledger' ? ['*'] : [...network.replicas.keys()]) {
    const bus = new InProcessBus();
    for (const [authority, r] of network.replicas) r.chain(authority).range(1).forEach((entry) => publish(bus, entry));
    buses.set(key, bus);
  }
  const busFor = (partner: string) => buses.get(mode === 'shared-ledger' ? '*' : partner) as InProcessBus;
  const events: TimedEvent[] = [];
  const changeOf = new Map<string, number>();
  const deliveries: Delivery[] = [];
  let bytes = 0;
  let messages = 0;

  // Phase 1: each authority writes its own changes, in time order, when its node is up.
  world.changes.forEach((change, index) => {
    const appendedAt = faults.nextUp(change.country, change.at);
    network.setTime(appendedAt);
    const entry = replica(change.country).submit(commandFor(change));
    changeOf.set(entry.hash, index);
    const size = Buffer.byteLength(canonicalJson(entry));
    const published = new Set<InProcessBus>();
    for (const partner of ctx.partnersOf(change.country)) {
      const arrival = mode === 'shared-ledger' ? visibility.shared(change.country, partner, appendedAt) : visibility.bridged(change.country, partner, appendedAt);
      deliveries.push({ change: index, partner, at: arrival?.visible ?? null });
      bytes += size;
      messages += 1;
      if (!arrival) continue;
      const bus = busFor(partner);
      if (!published.has(bus)) events.push({ at: arrival.readable, order: 0, key: `${entry.authority}:${entry.sequence}`, run: () => publish(bus, entry) });
      published.add(bus);
      events.push({ at: arrival.visible, order: 1, key: `${partner}:${entry.authority}`, run: () => poll(partner, entry.authority) });
    }
  });

  // Phase 2: in virtual-time order, publish to the log, let partners read it at their polls,
  // and once a day look a status up through each partner's real GraphQL node.
  const schema = await buildNodeSchema();
  const nodes = new Map([...network.replicas].map(([country, r]) => [country, new CountryNode({ country, replica: r, now: () => new Date(0) })]));
  const logs = new Map([...nodes.keys()].map((country) => [country, busFor(country).connect()]));
  const expected = new Map<string, string>(); // partner|aeoId -> status as replicated so far
  const rng = new Rng(world.seed, 'node-queries', mode);
  let nodeQueries = 0;
  let nodeMismatches = 0;
  function publish(bus: InProcessBus, entry: Entry): void {
    const result = bus.publish(entry);
    if (result.kind !== 'added' && result.kind !== 'exists') throw new SimulationError(`internal: the log refused ${entry.authority}#${entry.sequence} (${result.kind})`);
  }
  async function poll(partner: string, issuer: string): Promise<void> {
    const log = logs.get(partner) as ChainLog;
    const target = replica(partner);
    const top = await log.top(issuer);
    for (const entry of await log.range(issuer, target.height(issuer) + 1, top)) {
      target.ingest(entry);
      const change = world.changes[changeOf.get(entry.hash) ?? -1];
      if (change) expected.set(`${partner}|${change.aeoId}`, STATUS_AFTER[change.kind]);
    }
  }
  const foreignOf = new Map([...nodes.keys()].map((partner) => [partner, world.operators.filter((op) => op.country !== partner)]));
  for (let day = 1; day <= world.scenario.days; day++) {
    events.push({ at: day * DAY - 1e-6, order: 2, key: String(day).padStart(5, '0'), run: async () => {
      for (const [partner, node] of nodes) {
        const foreign = foreignOf.get(partner) ?? [];
        if (foreign.length === 0) continue;
        const op = rng.pick(foreign);
        const context: NodeContext = { node, caller: { country: partner, role: 'officer', subject: 'sim' }, authError: null };
        const result = await execute({ schema, document: STATUS_QUERY, variableValues: { id: op.aeoId }, contextValue: context });
        nodeQueries += 1;
        if ((result.data?.operator as { status?: string } | null)?.status !== (expected.get(`${partner}|${op.aeoId}`) ?? 'ACTIVE')) nodeMismatches += 1;
      }
    } });
  }
  events.sort((a, b) => a.at - b.at || a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let lastPoll = '';
  for (const event of events) {
    const id = `${event.at}|${event.order}|${event.key}`;
    if (event.order === 1 && id === lastPoll) continue; // one read per partner, chain and poll
    lastPoll = event.order === 1 ? id : lastPoll;
    network.setTime(event.at);
    await event.run();
  }
  nodes.forEach((node) => node.close());
  // What replication actually applied must be exactly what the timeline says was delivered.
  const replicated = deliveries.filter((d) => d.at !== null).length;
  const applied = replicatedEntries() - initial;
  if (applied !== replicated) throw new SimulationError(`internal: replication applied ${applied} entries, the timeline expected ${replicated}`);

  const polls = mode === 'shared-ledger' ? world.horizon / world.scenario.ledger.pollSeconds : world.horizon / world.scenario.ledger.bridgeSeconds;
  const pairs = [...world.byCountry.keys()].reduce((sum, c) => sum + ctx.partnersOf(c).length, 0);
  messages += Math.round(polls * pairs);
  bytes += Math.round(polls * pairs * POLL_BYTES);
  return { mechanism: mode, deliveries, messages, bytes, tampering: tamper(ctx, network), nodeQueries, nodeMismatches };
}

function tamper(ctx: MechanismContext, network: ReturnType<typeof buildLedgerNetwork>): TamperingOutcome {
  const total = { attempts: 0, detected: 0, accepted: 0, byCode: {} as Record<string, number> };
  for (const spec of ctx.world.scenario.faults.tampering) {
    const key = network.keys.get(spec.country);
    if (!key) continue;
    const outcome = attemptForgeries(spec.country, spec.attempts, network.replicas, key);
    total.attempts += outcome.attempts;
    total.detected += outcome.detected;
    total.accepted += outcome.accepted;
    for (const [code, n] of Object.entries(outcome.byCode)) total.byCode[code] = (total.byCode[code] ?? 0) + n;
  }
  return total;
}
