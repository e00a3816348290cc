import { kmQuantile } from '../kaplan-meier.js';
import { quantile } from '../metrics.js';
import type { SimEvent } from '../run-scenario.js';
import { arrival, componentsOf } from './delivery.js';
import { certificateFor } from './documents.js';
import { checkFraud, type FraudCheckContext } from './fraud-check.js';
import { LedgerExchange } from './ledger-exchange.js';
import type { CertificateMetrics } from './metric-names.js';
import type { CertificateMechanism } from './schema.js';
import { buildCertificateWorld, type CertificateShipment, type CertificateWorld } from './world.js';

export interface CertificateSeedRun {
  readonly seed: number;
  readonly metrics: Readonly<Record<string, CertificateMetrics>>;
  readonly events: readonly SimEvent[];
}

interface Timed {
  readonly t: number;
  readonly order: number;
  readonly run: () => void;
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000);

/** Replays one seed: the same shipments, outages and fraud attempts through every mechanism. */
export function runCertificateSeed(scenario: CertificateWorld['scenario'], seed: number): CertificateSeedRun {
  const world = buildCertificateWorld(scenario, seed);
  const events: SimEvent[] = world.outages.map((o) => ({ seed, type: 'outage', t: round(o.start), target: o.component, hours: round((o.end - o.start) / 3600), random: o.random }));
  const metrics: Record<string, CertificateMetrics> = {};
  for (const mechanism of scenario.mechanisms) metrics[mechanism] = runMechanism(world, mechanism, events);
  return { seed, metrics, events };
}

function runMechanism(world: CertificateWorld, mechanism: CertificateMechanism, events: SimEvent[]): CertificateMetrics {
  const { scenario, horizon, seed } = world;
  const [lo, hi] = mechanism === 'shared-ledger' ? scenario.ledger.transferSeconds : mechanism === 'central-hub' ? scenario.hub.transferSeconds : scenario.bridges.transferSeconds;
  const ledger = mechanism === 'shared-ledger' ? new LedgerExchange(world) : null;
  const integrations = new Map(world.authorities.map((a) => [a, new Set<string>()]));
  const arrivals = world.shipments.map((s) => {
    const components = componentsOf(mechanism, s);
    for (const party of [s.exporter, s.importer]) {
      integrations.get(party)?.add(integrationOf(mechanism, party, components, s));
    }
    return arrival(components, s.issuedAt, lo + (hi - lo) * s.transferDraw, world.outages);
  });
  const consumedAt = arrivals.map((a, i) => a.at + (world.shipments[i] as CertificateShipment).clearanceAfter);
  const documents = new Map<number, ReturnType<typeof certificateFor>>();
  const doc = (s: CertificateShipment) => documents.get(s.n) ?? documents.set(s.n, certificateFor(s, scenario.start)).get(s.n) as ReturnType<typeof certificateFor>;
  const fraud = { forgeries: 0, forgeriesCaught: 0, reuses: 0, reusesCaught: 0 };
  const check: FraudCheckContext = {
    ledger, plain: mechanism === 'central-hub' ? scenario.hub : scenario.bridges, document: doc,
    heldAt: (s, t) => (arrivals[s.n]?.at ?? Infinity) <= t,
    importerDown: (s, t) => world.outages.some((o) => o.component === s.importer && o.start <= t && t < o.end),
  };
  const timeline: Timed[] = [];
  world.shipments.forEach((s, i) => {
    const a = arrivals[i] as { at: number };
    if (ledger) {
      timeline.push({ t: s.issuedAt, order: 0, run: () => ledger.issue(doc(s)) });
      if (a.at <= horizon) timeline.push({ t: a.at, order: 1, run: () => ledger.receive(doc(s)) });
      if ((consumedAt[i] as number) <= horizon) timeline.push({ t: consumedAt[i] as number, order: 2, run: () => void ledger.consume(s.importer, s.number, `CLR-${s.n}`) });
    }
  });
  for (const attempt of world.fraud) {
    timeline.push({ t: attempt.at, order: 3, run: () => {
      const reuse = attempt.kind === 'reuse';
      const eligible = world.shipments.filter((s, i) => (reuse ? (consumedAt[i] as number) < attempt.at : s.issuedAt < attempt.at));
      const target = eligible[Math.floor(attempt.pick * eligible.length)];
      if (!target) return;
      const { caught, how } = checkFraud(attempt, target, check);
      if (reuse) fraud.reuses += 1;
      else fraud.forgeries += 1;
      if (caught && reuse) fraud.reusesCaught += 1;
      if (caught && !reuse) fraud.forgeriesCaught += 1;
      events.push({ seed, type: attempt.kind, mechanism, t: round(attempt.at), number: target.number, caught, how });
    } });
  }
  timeline.sort((a, b) => a.t - b.t || a.order - b.order);
  for (const step of timeline) {
    ledger?.at(step.t);
    step.run();
  }
  ledger?.settle();
  const observations = world.shipments.map((s, i) => {
    const a = arrivals[i] as { at: number; delayedBy: readonly string[] };
    events.push({ seed, type: 'delivered', mechanism, t: a.at <= horizon ? round(a.at) : null, number: s.number, exporter: s.exporter, importer: s.importer, delay_s: a.at <= horizon ? round(a.at - s.issuedAt) : null, delayed_by: a.delayedBy.join(' ') || null });
    return a.at <= horizon ? { time: a.at - s.issuedAt, delivered: true } : { time: horizon - s.issuedAt, delivered: false };
  });
  const delivered = observations.filter((o) => o.delivered);
  const sizes = [...integrations.values()].map((set) => set.size);
  return {
    certificates: world.shipments.length,
    delivered_share: observations.length === 0 ? null : round(delivered.length / observations.length),
    delivery_p50_s: round(kmQuantile(observations, 0.5)),
    delivery_p95_s: round(kmQuantile(observations, 0.95)),
    delivery_max_s: round(quantile(delivered.map((o) => o.time).sort((a, b) => a - b), 1)),
    delayed_by_outage: arrivals.filter((a) => a.delayedBy.length > 0).length,
    delayed_by_hub_outage: arrivals.filter((a) => a.delayedBy.includes('hub')).length,
    integrations_per_authority: Math.max(0, ...sizes),
    integrations_network: new Set([...integrations.values()].flatMap((set) => [...set])).size,
    forgeries_attempted: fraud.forgeries,
    forgeries_caught: fraud.forgeriesCaught,
    reuses_attempted: fraud.reuses,
    reuses_caught: fraud.reusesCaught,
    ledger_entries_signed: ledger ? ledger.signed : null,
    ledger_entries_verified: ledger ? ledger.verified : null,
  };
}

/**
 * What an authority must build and maintain to exchange this certificate: the bridge with that
 * partner (one project per pair, shared by the two); its own link to the hub; its own node (the
 * partners' keys and terms come from the trust registry on the ledger, not from a project each).
 */
function integrationOf(mechanism: CertificateMechanism, party: string, components: ReadonlySet<string>, s: CertificateShipment): string {
  switch (mechanism) {
    case 'bilateral-bridges':
      return [...components].find((c) => c.includes('-')) ?? [s.exporter, s.importer].sort().join('-');
    case 'central-hub':
      return `hub-link:${party}`;
    case 'shared-ledger':
      return `node:${party}`;
    default: {
      const unreachable: never = mechanism;
      return unreachable;
    }
  }
}
