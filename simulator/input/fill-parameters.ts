import type { ScenarioIssue } from './scenario-checks.js';

/** `{days}`, `{authorities}`, `{faults.outages.0.hours}`: a parameter's key path in braces. */
const PLACEHOLDER = /\{([A-Za-z][\w]*(?:\.\w+)*)\}/g;

/** The texts a report shows as written: its title and description. */
const TEXTS = ['title', 'description'] as const;

/**
 * The scenario with every `{key}` in its title and description replaced by that parameter's value
 * in this run (after `--set`, at each sweep point), so a report's headline never states a number
 * the run did not use: "between {authorities} authorities" says 12 with `--set authorities=12`.
 * A placeholder naming no number or [min, max] pair of the scenario is an issue at its text.
 */
export function fillParameters<S extends { readonly title?: string | undefined; readonly description: string }>(scenario: S): { scenario: S; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const filled: Partial<Record<(typeof TEXTS)[number], string>> = {};
  for (const key of TEXTS) {
    const text = scenario[key];
    if (text === undefined) continue;
    filled[key] = text.replace(PLACEHOLDER, (placeholder, path: string) => {
      const value = valueAt(scenario, path);
      if (value !== undefined) return value;
      issues.push({ path: [key], message: `${placeholder} names no parameter of this scenario (a number or [min, max] pair, e.g. {days})` });
      return placeholder;
    });
  }
  return { scenario: { ...scenario, ...filled }, issues };
}

/** A number (a whole one with en-US thousands separators) or a [min, max] pair (min–max) at a dotted key path, else undefined. */
function valueAt(root: unknown, path: string): string | undefined {
  let node: unknown = root;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node === 'number') return Number.isInteger(node) ? node.toLocaleString('en-US') : String(node);
  if (Array.isArray(node) && node.length === 2 && node.every((v) => typeof v === 'number')) return `${node[0] as number}–${node[1] as number}`;
  return undefined;
}
