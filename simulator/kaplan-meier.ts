/** A delay observed (`delivered`) or censored: not delivered by the end, after `time` of follow-up. */
export interface Observation {
  readonly time: number;
  readonly delivered: boolean;
}

/**
 * Kaplan–Meier estimate of the q-quantile of the delay: the first delay at which the estimated
 * share delivered reaches q. Changes not delivered by the end count as censored, so they pull
 * the estimate up instead of being dropped; null when the share delivered never reaches q
 * (e.g. more than 5% still undelivered at the longest follow-up, for q = 0.95).
 */
export function kmQuantile(observations: readonly Observation[], q: number): number | null {
  const sorted = [...observations].sort((a, b) => a.time - b.time || Number(b.delivered) - Number(a.delivered));
  let atRisk = sorted.length;
  let survival = 1;
  let i = 0;
  while (i < sorted.length) {
    const time = (sorted[i] as Observation).time;
    let events = 0;
    let leaving = 0;
    while (i < sorted.length && (sorted[i] as Observation).time === time) {
      if ((sorted[i] as Observation).delivered) events += 1;
      leaving += 1;
      i += 1;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      if (1 - survival >= q - 1e-12) return time;
    }
    atRisk -= leaving;
  }
  return null;
}
