import { execute, parse } from 'graphql';
import { canonicalJson, type Command, type Entry, type Replica } from '../../subgraphs/ledger/index.js';
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
  const pending: { at: number; partner: string; entry: Entry; change: number }[] = [];
  const deliveries: Delivery[] = [];
  let bytes = 0;
  let messages = 0;

  // Phase 1: each authority writes its own changes, in time order, when its node is up.
  world.changes.forEach((change, index) => {
    const appendedAt = faults.nextUp(change.country, change.at);
    network.setTime(appendedAt);
    const entry = replica(change.country).submit(commandFor(change));
    const size = Buffer.byteLength(canonicalJson(entry));
    for (const partner of ctx.partnersOf(change.country)) {
      const at = mode === 'shared-ledger' ? visibility.shared(change.country, partner, appendedAt) : visibility.bridged(change.country, partner, appendedAt);
      deliveries.push({ change: index, partner, at });
      if (at !== null) pending.push({ at, partner, entry, change: index });
      bytes += size;
      messages += 1;
    }
  });

  // Phase 2: replay arrivals in time order into each partner's replica, with daily node lookups.
  pending.sort((a, b) => a.at - b.at || a.partner.localeCompare(b.partner) || a.entry.authority.localeCompare(b.entry.authority) || a.entry.sequence - b.entry.sequence);
  const schema = await buildNodeSchema();
  const nodes = new Map([...network.replicas].map(([country, r]) => [country, new CountryNode({ country, replica: r, now: () => new Date(0) })]));
  const expected = new Map<string, string>(); // partner|aeoId -> status as delivered so far
  const rng = new Rng(world.seed, 'node-queries', mode);
  let nodeQueries = 0;
  let nodeMismatches = 0;
  let next = 0;
  for (let day = 1; day <= world.scenario.days; day++) {
    for (; next < pending.length && (pending[next]?.at ?? Infinity) < day * DAY; next++) {
      const arrival = pending[next] as (typeof pending)[number];
      network.setTime(arrival.at);
      replica(arrival.partner).ingest(arrival.entry);
      const change = world.changes[arrival.change] as TruthChange;
      expected.set(`${arrival.partner}|${change.aeoId}`, STATUS_AFTER[change.kind]);
    }
    for (const [partner, node] of nodes) {
      const foreign = world.operators.filter((op) => op.country !== partner);
      if (foreign.length === 0) continue;
      const op = rng.pick(foreign);
      const context: NodeContext = { node, caller: { country: partner, role: 'officer', subject: 'sim' }, authError: null };
      const result = await execute({ schema, document: STATUS_QUERY, variableValues: { id: op.aeoId }, contextValue: context });
      const status = (result.data?.operator as { status?: string } | null)?.status;
      nodeQueries += 1;
      if (status !== (expected.get(`${partner}|${op.aeoId}`) ?? 'ACTIVE')) nodeMismatches += 1;
    }
  }
  nodes.forEach((node) => node.close());

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
