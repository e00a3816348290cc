import type { MetricName } from '../metrics.js';
import type { Scenario } from '../scenario-schema.js';
import type { MetricSummary } from '../sweep.js';
import { duration, number } from './format.js';

export const LABELS: Readonly<Record<string, string>> = {
  'email-monthly': 'Monthly e-mail lists (pre-CADENA)',
  'batch-daily': 'Daily batch files (EU–US style)',
  hub: 'Central hub (ePhyto style)',
  'shared-ledger': 'Shared ledger (CADENA)',
  'bridged-ledgers': 'Bridged ledgers',
};

export type Summary = Readonly<Record<string, Readonly<Record<MetricName, MetricSummary>>>>;

export const mean = (summary: Summary, mechanism: string, metric: MetricName): number | null => summary[mechanism]?.[metric]?.mean ?? null;

/** Plain-language findings, computed from the run: what changed, by how much. */
export function findings(scenario: Scenario, summary: Summary, seeds: readonly number[]): string[] {
  const mechanisms = scenario.mechanisms;
  const byDelay = [...mechanisms].sort((a, b) => (mean(summary, a, 'propagation_p50_s') ?? Infinity) - (mean(summary, b, 'propagation_p50_s') ?? Infinity));
  const fastest = byDelay[0] as string;
  const slowest = byDelay[byDelay.length - 1] as string;
  const lines: string[] = [];
  const p50 = (m: string) => duration(mean(summary, m, 'propagation_p50_s'));
  const p95 = (m: string) => duration(mean(summary, m, 'propagation_p95_s'));
  lines.push(`Speed: with ${LABELS[fastest]}, a suspension or revocation at home reached the partner in a median of ${p50(fastest)} (95% within ${p95(fastest)}); with ${LABELS[slowest]} it took a median of ${p50(slowest)}.`);
  const exposure = (m: string) => mean(summary, m, 'exposure_declarations') ?? 0;
  if (mechanisms.includes('email-monthly') && mechanisms.includes('shared-ledger')) {
    lines.push(`Against the pre-CADENA baseline, the shared ledger cut the median delay from ${p50('email-monthly')} to ${p50('shared-ledger')} and the declarations benefiting suspended or revoked operators from ${number(exposure('email-monthly'))} to ${number(exposure('shared-ledger'))}.`);
  }
  const byExposure = [...mechanisms].sort((a, b) => exposure(a) - exposure(b));
  const best = byExposure[0] as string;
  const worst = byExposure[byExposure.length - 1] as string;
  const checked = mean(summary, best, 'declarations_checked') ?? 0;
  lines.push(`Exposure: over ${scenario.days} days, ${number(exposure(worst))} of ${number(checked)} declarations by partner AEOs received MRA benefits although the operator was already suspended or revoked at home with ${LABELS[worst]}; with ${LABELS[best]}, ${number(exposure(best))}.`);
  const missed = mean(summary, worst, 'benefits_missed') ?? 0;
  if (missed > 0) lines.push(`Slow updates also cut the other way: with ${LABELS[worst]}, ${number(missed)} declarations were denied benefits by operators already reinstated at home.`);
  lines.push(`Benefits: the MRA avoided about ${number(mean(summary, best, 'inspections_avoided'))} inspections and saved about ${number(mean(summary, best, 'clearance_hours_saved'))} clearance hours for partner AEOs; the mechanism changes how accurately those benefits are granted, hardly how many.`);
  const faulted = mechanisms.filter((m) => mean(summary, m, 'availability_during_faults') !== null);
  if (faulted.length > 0) {
    lines.push(`During outages and partitions, partners held accurate status for ${faulted.map((m) => `${number((mean(summary, m, 'availability_during_faults') ?? 0) * 100, 1)}% of checks with ${LABELS[m]}`).join('; ')}.`);
  }
  const attempted = mechanisms.filter((m) => (mean(summary, m, 'tampering_attempts') ?? 0) > 0);
  if (attempted.length > 0) {
    lines.push(`Tampering: ${attempted.map((m) => `${LABELS[m]}: ${number(mean(summary, m, 'tampering_detected'))} refusals, ${number(mean(summary, m, 'tampering_accepted'))} forged messages accepted`).join('; ')}.`);
  }
  const traffic = [...mechanisms].sort((a, b) => (mean(summary, a, 'bytes') ?? 0) - (mean(summary, b, 'bytes') ?? 0));
  lines.push(`Cost: ${LABELS[traffic[traffic.length - 1] as string]} moves the most data (frequent polling); ${LABELS[traffic[0] as string]} the least.`);
  if (seeds.length > 1) lines.push(`Figures are means over ${seeds.length} seeds (${seeds[0]}–${seeds[seeds.length - 1]}); tables give 95% confidence intervals.`);
  return lines;
}

export const CAVEATS = [
  'Status-change rates, the share of declarations lodged by partner AEOs and processing delays are assumptions (see the scenario file); the comparison between mechanisms is the robust part, not the absolute counts.',
  'Every mechanism runs on the same seeded world: the same operators, status changes and declarations.',
  'The ledger mechanisms run the real mra-hub ledger code (signing, verification, replication order) and answer daily lookups through the real GraphQL node; the other mechanisms are timing models.',
  'Forged messages in e-mail, batch and hub exchanges are counted as accepted because nothing in those channels lets a partner verify who wrote them; their downstream effects are not simulated.',
  'Network traffic counts replication and polling, not the consensus messages between ledger validators.',
];
