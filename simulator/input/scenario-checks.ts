import type { Scenario } from '../scenario-schema.js';

/** One problem with a scenario: the key path (as zod gives it) and what is wrong. */
export interface ScenarioIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

const TARGETS = ['hub', 'bridge'];

/**
 * Checks that span keys, which the schema cannot express: every country named anywhere is one
 * of `countries`, days fall inside the scenario, a partition joins two different countries,
 * every `sources` key names a real parameter. Returns every problem, not the first.
 */
export function checkScenario(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const codes = Object.keys(s.countries);
  const known = `one of ${codes.join(', ')}`;
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });
  const day = (path: (string | number)[], value: number, what: string) => {
    if (value >= s.days) add(path, `${what} ${value} is past the scenario's end (days: ${s.days}, so the last day is ${s.days - 1})`);
  };
  s.mras.forEach((mra, i) => {
    mra.parties.forEach((p, j) => {
      if (!codes.includes(p)) add(['mras', i, 'parties', j], `MRA party ${p} is not in countries (${known})`);
      if (mra.parties.indexOf(p) !== j) add(['mras', i, 'parties', j], `${p} is listed twice`);
    });
    day(['mras', i, 'signedDay'], mra.signedDay, 'signedDay');
  });
  const target = (path: (string | number)[], t: string) => {
    if (!codes.includes(t) && !TARGETS.includes(t)) add(path, `fault target ${t} is not a country (${known}), hub or bridge`);
  };
  const between = (path: (string | number)[], pair: readonly [string, string]) => {
    pair.forEach((c, j) => !codes.includes(c) && add([...path, j], `${c} is not in countries (${known})`));
    if (pair[0] === pair[1]) add(path, `a partition needs two different countries, got [${pair[0]}, ${pair[1]}]`);
  };
  s.faults.outages.forEach((o, i) => {
    target(['faults', 'outages', i, 'target'], o.target);
    day(['faults', 'outages', i, 'fromDay'], o.fromDay, 'fromDay');
  });
  s.faults.partitions.forEach((p, i) => {
    between(['faults', 'partitions', i, 'between'], p.between);
    day(['faults', 'partitions', i, 'fromDay'], p.fromDay, 'fromDay');
  });
  s.faults.randomOutages.forEach((o, i) => target(['faults', 'randomOutages', i, 'target'], o.target));
  s.faults.randomPartitions.forEach((p, i) => between(['faults', 'randomPartitions', i, 'between'], p.between));
  s.faults.tampering.forEach((t, i) => {
    if (!codes.includes(t.country)) add(['faults', 'tampering', i, 'country'], `${t.country} is not in countries (${known})`);
    day(['faults', 'tampering', i, 'fromDay'], t.fromDay, 'fromDay');
  });
  for (const c of Object.keys(s.ledger.validators ?? {})) {
    if (!codes.includes(c)) add(['ledger', 'validators', c], `${c} is not in countries (${known})`);
  }
  if (s.ledger.validators && Object.values(s.ledger.validators).reduce((a, b) => a + b, 0) === 0) add(['ledger', 'validators'], 'at least one validator');
  if (s.inspection.aeoRate > s.inspection.nonAeoRate) {
    add(['inspection', 'aeoRate'], `aeoRate ${s.inspection.aeoRate} is above nonAeoRate ${s.inspection.nonAeoRate}: AEO status would add inspections`);
  }
  s.mechanisms.forEach((m, i) => s.mechanisms.indexOf(m) !== i && add(['mechanisms', i], `${m} is listed twice`));
  for (const key of Object.keys(s.sources)) {
    if (!hasPath(s, key)) add(['sources', key], `no parameter ${key} in this scenario`);
  }
  return issues;
}

/** Whether a dotted key path (`ledger.pollSeconds`, `countries.MX`) names something in the scenario. */
export function hasPath(root: unknown, dotted: string): boolean {
  let node: unknown = root;
  for (const part of dotted.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}
