import { LineCounter, parseDocument } from 'yaml';
import { SimulationError } from '../errors.js';
import { fillParameters } from '../input/fill-parameters.js';
import { applyOverride, parseOverride } from '../input/overrides.js';
import { parameterPaths } from '../input/resolve-key.js';
import { hasPath } from '../input/scenario-checks.js';
import { lineOf } from '../input/yaml-lines.js';
import { AUTHORITY_CODES, certificateScenarioSchema, type CertificateScenario } from './schema.js';

/** True when a scenario file declares `kind: certificate-exchange` (the AEO scenarios have no kind). */
export function isCertificateScenario(text: string): boolean {
  const raw: unknown = parseDocument(text).toJS();
  return typeof raw === 'object' && raw !== null && (raw as Record<string, unknown>).kind === 'certificate-exchange';
}

/**
 * Parses and validates a certificate scenario with `--set key=value` overrides (full or short
 * keys); every problem is listed at once with file, line and key, like the AEO scenarios.
 */
export function parseCertificateScenario(text: string, source: string, sets: readonly string[] = []): CertificateScenario {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (document.errors.length > 0) fail(source, document.errors.map((e) => `${source}:${counter.linePos(e.pos[0]).line}: invalid YAML: ${e.message.split('\n')[0]}`));
  const tree = document.toJS() as Record<string, unknown>;
  const paths = parameterPaths(tree);
  const overrides = sets.map((s) => parseOverride(s)).map((o) => ({ ...o, path: resolve(paths, o.path, '--set') }));
  for (const o of overrides) applyOverride(tree, o);
  const where = (path: readonly (string | number)[]) => {
    const dotted = path.join('.');
    const set = overrides.find((o) => dotted === o.path || dotted.startsWith(`${o.path}.`));
    return set ? `--set ${set.path}=${JSON.stringify(set.value)}` : `${source}:${lineOf(document.contents, path, counter)}`;
  };
  const parsed = certificateScenarioSchema.safeParse(tree);
  if (!parsed.success) {
    fail(source, parsed.error.issues.flatMap((issue) => {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...path, k]) : [path];
      return keys.map((p) => `${where(p)}: ${p.join('.') || '(top level)'}: ${issue.code === 'unrecognized_keys' ? 'unknown key' : issue.message}`);
    }));
  }
  const { scenario, issues } = fillParameters(parsed.data);
  const problems = [...check(parsed.data), ...issues.map((i): [(string | number)[], string] => [[...i.path], i.message])].map(([path, message]) => `${where(path)}: ${path.join('.')}: ${message}`);
  if (problems.length > 0) fail(source, problems);
  return scenario;
}

/** Checks across keys: outage targets exist, days fall inside the run, every source names a parameter. */
function check(s: CertificateScenario): [(string | number)[], string][] {
  const codes: readonly string[] = AUTHORITY_CODES.slice(0, s.authorities);
  const issues: [(string | number)[], string][] = [];
  s.faults.outages.forEach((o, i) => {
    const parts = o.target.split('-');
    const ok = o.target === 'hub' || parts.every((c) => codes.includes(c)) && (parts.length === 1 || (parts.length === 2 && parts[0] !== parts[1]));
    if (!ok) issues.push([['faults', 'outages', i, 'target'], `${o.target} is not hub, a bridge between two of ${codes.join(', ')} (CR-MX), or one of them`]);
    if (o.fromDay >= s.days) issues.push([['faults', 'outages', i, 'fromDay'], `fromDay ${o.fromDay} is past the scenario's end (days: ${s.days})`]);
  });
  s.mechanisms.forEach((m, i) => s.mechanisms.indexOf(m) !== i && issues.push([['mechanisms', i], `${m} is listed twice`]));
  for (const key of Object.keys(s.sources)) if (!hasPath(s, key)) issues.push([['sources', key], `no parameter ${key} in this scenario`]);
  return issues;
}

/** A full key path for a short one (`reuseCaughtShare` is ambiguous; `authorities` is itself). */
export function resolveCertificateKey(scenario: CertificateScenario, key: string, option: string): string {
  return resolve(parameterPaths(scenario), key, option);
}

function resolve(paths: readonly string[], key: string, option: string): string {
  if (paths.includes(key) || key.includes('.')) return key;
  const matches = paths.filter((p) => p.endsWith(`.${key}`));
  if (matches.length === 1) return matches[0] as string;
  throw new SimulationError(`${option} ${key}: ${matches.length > 1 ? `ambiguous, say which: ${matches.join(', ')}` : 'no such parameter'}`, 'OPTION_INVALID');
}

function fail(source: string, problems: readonly string[]): never {
  throw new SimulationError(problems.length === 1 ? (problems[0] as string) : `${problems.length} problems in ${source}:\n  ${problems.join('\n  ')}`, 'SCENARIO_INVALID', problems);
}
