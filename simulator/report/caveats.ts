import type { SimulationResult } from '../output/result.js';

/** Caveats that hold for this run: written from the scenario and results, not boilerplate alone. */
export function caveats(result: SimulationResult): string[] {
  const s = result.scenario;
  const seeds = result.provenance.seeds.length;
  const validators = s.ledger.validators ?? Object.fromEntries(Object.keys(s.countries).map((c) => [c, 1]));
  const total = Object.values(validators).reduce((a, b) => a + b, 0);
  const out = [
    'Every mechanism runs on the same seeded world (operators, status changes, declarations, faults and forgeries); differences between mechanisms come from the mechanisms alone, and are compared seed by seed.',
    'Figures marked as assumptions in the table above drive the absolute counts; comparisons between mechanisms are the robust part. Byte costs of headers, envelopes and empty polls are assumptions.',
    `The ledger runs with ${total} validator${total === 1 ? '' : 's'}; a block needs ${Math.ceil((2 * total) / 3)} of them (IBFT 2.0)${total <= 3 ? ', so losing any one of them stalls it' : ''}. Consensus messages between validators are not counted in the data exchanged.`,
    'The ledger mechanisms run the real mra-hub ledger, replicator and GraphQL node on a virtual clock; the network schedule (quorum, polls, loss, outages) is a model. The other mechanisms are timing models.',
    'Delays of changes not delivered by the end are censored observations (Kaplan–Meier); a percentile that the delivered share never reaches is reported as not reached.',
    'Operator trade sizes follow a Pareto law, so a few large firms lodge most declarations; suspensions strike firms regardless of size (an assumption), which makes exposure vary widely from seed to seed.',
  ];
  if (seeds === 1) out.push('One seed ran: figures carry no uncertainty interval. Run --seeds 1..20 for 95% confidence intervals.');
  else out.push(`${seeds} seeds ran; intervals are 95% confidence intervals of the mean over seeds (Student t), not percentiles of single events.`);
  if (s.faults.tampering.length > 0) out.push('Whether a forged e-mail, batch file or hub message is believed is a scenario parameter (forgedAcceptedShare), an assumption; ledger replicas decide for themselves by verifying signatures and chains.');
  return out;
}
