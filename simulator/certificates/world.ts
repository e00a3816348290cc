import type { Outage } from '../../subgraphs/certificates/index.js';
import { Rng } from '../random.js';
import { AUTHORITY_CODES, type CertificateScenario } from './schema.js';

/** One consignment's certificate: issued by `exporter` for `importer` at `issuedAt` (s since start). */
export interface CertificateShipment {
  readonly n: number;
  readonly number: string;
  readonly exporter: string;
  readonly importer: string;
  readonly issuedAt: number;
  /** Seconds from the importer holding it to the clearance that consumes it. */
  readonly clearanceAfter: number;
  /** One uniform draw per mechanism purpose, shared by all mechanisms (paired comparison). */
  readonly transferDraw: number;
}

/** A dishonest trader's attempt at a border: an altered (or forged) copy, or a second use. */
export interface FraudAttempt {
  readonly n: number;
  readonly kind: 'altered-copy' | 'forged-copy' | 'reuse';
  readonly at: number;
  /** Uniform draw deciding, where catching is an assumed share, whether it was caught (same for all). */
  readonly draw: number;
  /** A uniform draw picking the certificate it targets among those eligible at `at`. */
  readonly pick: number;
}

export interface CertificateWorld {
  readonly scenario: CertificateScenario;
  readonly seed: number;
  readonly authorities: readonly string[];
  readonly horizon: number;
  readonly shipments: readonly CertificateShipment[];
  /** Times in seconds; `random` marks those drawn rather than written in the scenario. */
  readonly outages: readonly (Outage & { readonly random: boolean })[];
  readonly fraud: readonly FraudAttempt[];
}

const DAY = 86_400;

/** Draws one seed's world: shipments (Poisson per exporter), outages (fixed and random), fraud attempts. */
export function buildCertificateWorld(scenario: CertificateScenario, seed: number): CertificateWorld {
  const authorities = AUTHORITY_CODES.slice(0, scenario.authorities);
  const horizon = scenario.days * DAY;
  const year = scenario.start.slice(0, 4);
  const shipments: CertificateShipment[] = [];
  for (const exporter of authorities) {
    const rng = new Rng(seed, 'certificates', exporter);
    const partners = authorities.filter((a) => a !== exporter);
    const [lo, hi] = scenario.clearanceHours;
    for (let t = rng.exponential(scenario.certificatesPerAuthorityDay / DAY); t < horizon; t += rng.exponential(scenario.certificatesPerAuthorityDay / DAY)) {
      shipments.push({ n: 0, number: '', exporter, importer: rng.pick(partners), issuedAt: t, clearanceAfter: rng.between(lo, hi) * 3600, transferDraw: rng.next() });
    }
  }
  shipments.sort((a, b) => a.issuedAt - b.issuedAt || (a.exporter < b.exporter ? -1 : 1));
  const counters = new Map<string, number>();
  const numbered = shipments.map((s, n) => {
    const k = (counters.get(s.exporter) ?? 0) + 1;
    counters.set(s.exporter, k);
    return { ...s, n, number: `${s.exporter}-PC-${year}-${String(k).padStart(6, '0')}` };
  });
  return { scenario, seed, authorities, horizon, shipments: numbered, outages: drawOutages(scenario, seed, authorities, horizon), fraud: drawFraud(scenario, seed, horizon) };
}

function drawOutages(s: CertificateScenario, seed: number, authorities: readonly string[], horizon: number): CertificateWorld['outages'] {
  const fixed = s.faults.outages.map((o) => ({ component: o.target, start: o.fromDay * DAY, end: o.fromDay * DAY + o.hours * 3600, random: false }));
  const bridges = authorities.flatMap((a, i) => authorities.slice(i + 1).map((b) => [a, b].sort().join('-')));
  const targets: [string, keyof typeof s.faults.random][] = [['hub', 'hub'], ...bridges.map((b): [string, 'bridge'] => [b, 'bridge']), ...authorities.map((a): [string, 'system'] => [a, 'system'])];
  const drawn = targets.flatMap(([component, kind]) => {
    const law = s.faults.random[kind];
    if (!law || law.perYear === 0) return [];
    const rng = new Rng(seed, 'outage', component);
    const out: { component: string; start: number; end: number; random: boolean }[] = [];
    for (let t = rng.exponential(law.perYear / (365 * DAY)); t < horizon; t += rng.exponential(law.perYear / (365 * DAY))) {
      const end = t + rng.exponential(1 / (law.meanRepairHours * 3600));
      out.push({ component, start: t, end, random: true });
      t = end;
    }
    return out;
  });
  return [...fixed, ...drawn].sort((a, b) => a.start - b.start || (a.component < b.component ? -1 : 1));
}

function drawFraud(s: CertificateScenario, seed: number, horizon: number): FraudAttempt[] {
  const attempts: Omit<FraudAttempt, 'n'>[] = [];
  const stream = (kind: 'copy' | 'reuse', perDay: number) => {
    const rng = new Rng(seed, 'fraud', kind);
    let k = 0;
    for (let t = rng.exponential(perDay / DAY); t < horizon; t += rng.exponential(perDay / DAY)) {
      attempts.push({ kind: kind === 'reuse' ? 'reuse' : k++ % 2 === 0 ? 'altered-copy' : 'forged-copy', at: t, draw: rng.next(), pick: rng.next() });
    }
  };
  stream('copy', s.fraud.alteredCopiesPerDay);
  stream('reuse', s.fraud.reusesPerDay);
  return attempts.sort((a, b) => a.at - b.at).map((a, n) => ({ ...a, n }));
}
