import type { MetricName } from '../metric-names.js';
import type { PointResult, SimulationResult, Summary } from '../output/result.js';
import type { MetricSummary } from '../sweep.js';
import { bytes, duration, number } from './format.js';

export type { Summary } from '../output/result.js';

export const LABELS: Readonly<Record<string, string>> = {
  'email-monthly': 'Monthly e-mail lists (pre-CADENA)',
  'batch-daily': 'Daily batch files (EU–US style)',
  hub: 'Central hub (ePhyto style)',
  'shared-ledger': 'Shared ledger (CADENA)',
  'bridged-ledgers': 'Bridged ledgers',
};

/** Design facts of each mechanism (not measured): who must be trusted, and whether data is signed. */
export const TRUST: Readonly<Record<string, { readonly thirdParty: string; readonly integrity: string }>> = {
  'email-monthly': { thirdParty: 'none (bilateral)', integrity: 'none: anyone who can send e-mail as a customs can forge a list' },
  'batch-daily': { thirdParty: 'none (bilateral)', integrity: 'channel only: the file itself is not signed' },
  hub: { thirdParty: 'the hub operator (relays and could alter every message)', integrity: 'channel only: the hub sees and forwards plain messages' },
  'shared-ledger': { thirdParty: 'a quorum of validators, no single one', integrity: 'every entry signed by its customs and verified by every replica' },
  'bridged-ledgers': { thirdParty: 'the bridge relays, but entries stay signed', integrity: 'every entry signed by its customs and verified by every replica' },
};

export const label = (m: string): string => LABELS[m] ?? m;
export const stat = (s: Summary, m: string, metric: MetricName): MetricSummary | undefined => s[m]?.[metric];
export const mean = (s: Summary, m: string, metric: MetricName): number | null => stat(s, m, metric)?.mean ?? null;

/** "17 s (95% CI 16 s to 18 s)", or the value alone (one seed, or no spread); `missing` when not reached. */
export function withCi(s: MetricSummary | undefined, format: (v: number) => string, missing = 'n/a'): string {
  if (!s || s.mean === null) return missing;
  if (!s.ci95 || (s.ci95[0] === s.mean && s.ci95[1] === s.mean)) return format(s.mean);
  return `${format(s.mean)} (95% CI ${format(s.ci95[0])} to ${format(s.ci95[1])})`;
}

const delay = (s: Summary, m: string, metric: 'propagation_p50_s' | 'propagation_p95_s') => withCi(stat(s, m, metric), duration, 'not reached by the end of the run');
const count = (s: Summary, m: string, metric: MetricName) => withCi(stat(s, m, metric), (v) => number(v));

/** The point a report leads with: the one whose swept values are the scenario's own, else the first. */
export function basePoint(result: SimulationResult): PointResult {
  const own = (path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], result.scenario);
  return result.points.find((p) => Object.entries(p.params).every(([k, v]) => own(k) === v)) ?? (result.points[0] as PointResult);
}

/** The mechanism with the fewest declarations benefiting suspended operators (then the fastest). */
export function bestMechanism(result: SimulationResult, s: Summary): string {
  return [...result.scenario.mechanisms].sort((a, b) => (mean(s, a, 'exposure_declarations') ?? Infinity) - (mean(s, b, 'exposure_declarations') ?? Infinity)
    || (mean(s, a, 'propagation_p50_s') ?? Infinity) - (mean(s, b, 'propagation_p50_s') ?? Infinity))[0] as string;
}

/** The one sentence a minister reads first: what the best mechanism changes against the baseline. */
export function keyMessage(result: SimulationResult): string {
  const s = basePoint(result).summary;
  const base = result.provenance.baseline;
  const best = bestMechanism(result, s);
  const days = result.scenario.days;
  if (best === base) {
    return `${label(base)} kept partners as current as any alternative: a suspension reached them in a median of ${delay(s, base, 'propagation_p50_s')}, and ${count(s, base, 'exposure_declarations')} declarations over ${days} days got MRA benefits from an operator already suspended at home.`;
  }
  return `With ${label(best)}, a suspension at home reached the partner in a median of ${delay(s, best, 'propagation_p50_s')} instead of ${delay(s, base, 'propagation_p50_s')} with ${label(base)}; declarations given MRA benefits by suspended or revoked operators fell from ${count(s, base, 'exposure_declarations')} to ${count(s, best, 'exposure_declarations')} over ${days} days.`;
}

/** The price of the best mechanism: data and polling against the baseline, and who must be trusted. */
export function tradeOff(result: SimulationResult): string {
  const s = basePoint(result).summary;
  const base = result.provenance.baseline;
  const best = bestMechanism(result, s);
  const [b0, b1] = [mean(s, base, 'bytes') ?? 0, mean(s, best, 'bytes') ?? 0];
  const ratio = b0 > 0 ? b1 / b0 : null;
  const cost = ratio === null ? '' : ` It moves ${bytes(b1)} a year against ${bytes(b0)} (${ratio >= 1 ? `${number(ratio, 1)} times as much` : `${number(1 / ratio, 1)} times less`}), byte costs being assumptions listed below.`;
  return `${label(best)}: ${TRUST[best]?.integrity ?? ''}; third party to trust: ${TRUST[best]?.thirdParty ?? 'n/a'}.${cost}`;
}

/** Plain-language findings for the base point, each computed from the run. */
export function findings(result: SimulationResult): string[] {
  const s = basePoint(result).summary;
  const ms = result.scenario.mechanisms;
  const lines = ms.map((m) => `${label(m)}: median delay ${delay(s, m, 'propagation_p50_s')}, 95% of changes within ${delay(s, m, 'propagation_p95_s')}; ${number(mean(s, m, 'undelivered_changes'))} change deliveries still pending at the end (counted as censored, not dropped).`);
  const missed = [...ms].sort((a, b) => (mean(s, b, 'benefits_missed') ?? 0) - (mean(s, a, 'benefits_missed') ?? 0))[0] as string;
  if ((mean(s, missed, 'benefits_missed') ?? 0) > 0) lines.push(`Slow or unanswered updates also cut the other way: with ${label(missed)}, ${count(s, missed, 'benefits_missed')} declarations by operators in good standing were denied MRA benefits.`);
  const avoided = [...ms].sort((a, b) => (mean(s, b, 'inspections_avoided') ?? 0) - (mean(s, a, 'inspections_avoided') ?? 0))[0] as string;
  lines.push(`Inspections (simulated per declaration): ${label(avoided)} avoided ${count(s, avoided, 'inspections_avoided')} inspections of operators in good standing, saving about ${number(mean(s, avoided, 'clearance_hours_saved'))} clearance hours; inspections skipped for suspended operators are counted apart, never as savings.`);
  if (ms.some((m) => mean(s, m, 'availability_during_faults') !== null)) {
    lines.push(`During outages and partitions: ${ms.map((m) => `${label(m)} answered ${withCi(stat(s, m, 'availability_during_faults'), (v) => `${number(v * 100, 1)}%`)} of partner look-ups, ${withCi(stat(s, m, 'accuracy_during_faults'), (v) => `${number(v * 100, 1)}%`)} correctly`).join('; ')}.`);
  }
  const stalled = mean(s, 'shared-ledger', 'ledger_stalled_s') ?? 0;
  if (ms.includes('shared-ledger') && stalled > 0) lines.push(`The shared ledger could not seal blocks for ${duration(stalled)} in all: a block needs a quorum of validators, which the outages and partitions broke.`);
  if (ms.some((m) => (mean(s, m, 'tampering_attempts') ?? 0) > 0)) {
    lines.push(`Forgeries during the run: ${ms.map((m) => `${label(m)} accepted ${count(s, m, 'tampering_accepted')}, with ${count(s, m, 'forged_effect_declarations')} declarations decided on forged data`).join('; ')}.`);
  }
  const traffic = [...ms].sort((a, b) => (mean(s, a, 'bytes') ?? 0) - (mean(s, b, 'bytes') ?? 0));
  lines.push(`Data exchanged: ${traffic.map((m) => `${label(m)} ${bytes(mean(s, m, 'bytes'))} (${number(mean(s, m, 'messages'))} messages)`).join('; ')}.`);
  return lines;
}
