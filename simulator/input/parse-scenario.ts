import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { SimulationError } from '../errors.js';
import { scenarioSchema, type Scenario } from '../scenario-schema.js';
import { fillParameters } from './fill-parameters.js';
import { applyOverride, type Override } from './overrides.js';
import { checkScenario, type ScenarioIssue } from './scenario-checks.js';
import { lineOf } from './yaml-lines.js';

/**
 * Parses and validates a scenario, with `--set` overrides applied before validation. Every
 * problem is reported at once, each with its file and line (or the `--set` that caused it) and the
 * exact key: `cadena.yaml:31: ledger.polSeconds: unknown key`.
 */
export function parseScenario(text: string, source = 'scenario', overrides: readonly Override[] = []): Scenario {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (document.errors.length > 0) {
    fail(source, document.errors.map((e) => `${source}:${counter.linePos(e.pos[0]).line}: invalid YAML: ${e.message.split('\n')[0]}`));
  }
  const raw: unknown = document.toJS();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(source, [`${source}:1: a scenario is a YAML mapping of keys (name, countries, ...)`]);
  const tree = raw as Record<string, unknown>;
  for (const override of overrides) applyOverride(tree, override);
  const where = (path: readonly (string | number)[]) => {
    const dotted = path.join('.');
    const set = overrides.find((o) => dotted === o.path || dotted.startsWith(`${o.path}.`) || o.path.startsWith(`${dotted}.`));
    return set ? `${set.origin ?? '--set'} ${set.path}=${JSON.stringify(set.value)}` : `${source}:${lineOf(document.contents, path, counter)}`;
  };
  const format = (issue: ScenarioIssue) => `${where(issue.path)}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`;
  const parsed = scenarioSchema.safeParse(tree);
  if (!parsed.success) fail(source, parsed.error.issues.flatMap(toIssues).map(format));
  const { scenario, issues } = fillParameters(parsed.data);
  const problems = [...checkScenario(parsed.data), ...issues].map(format);
  if (problems.length > 0) fail(source, problems);
  return scenario;
}

/** An unknown key is reported under its own name, not its parent's. */
function toIssues(issue: z.core.$ZodIssue): ScenarioIssue[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...path, key], message: 'unknown key' }));
  return [{ path, message: issue.message }];
}

function fail(source: string, problems: readonly string[]): never {
  const sorted = [...problems].sort((a, b) => lineNumber(a) - lineNumber(b));
  const head = sorted.length === 1 ? (sorted[0] as string) : `${sorted.length} problems in ${source}:\n  ${sorted.join('\n  ')}`;
  throw new SimulationError(head, 'SCENARIO_INVALID', sorted);
}

const lineNumber = (line: string) => Number(/:(\d+): /.exec(line)?.[1] ?? 0);
