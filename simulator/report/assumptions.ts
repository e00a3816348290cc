import { parameterPaths } from '../input/resolve-key.js';

export interface Assumption {
  readonly parameter: string;
  readonly value: string;
  readonly source: string;
  readonly assumed: boolean;
}

/**
 * Every numeric parameter of the scenario with its value and its source: the `sources` entry for
 * its key path or the nearest section above it; without one it is labelled an assumption.
 */
export function assumptions(scenario: { readonly sources: Readonly<Record<string, string>> }): Assumption[] {
  return parameterPaths(scenario).map((parameter) => {
    const value = parameter.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], scenario);
    const parts = parameter.split('.');
    const key = parts.map((_, i) => parts.slice(0, parts.length - i).join('.')).find((k) => scenario.sources[k] !== undefined);
    const source = key ? (scenario.sources[key] as string) : 'assumption (no source given in the scenario)';
    return { parameter, value: Array.isArray(value) ? `${value[0]}–${value[1]}` : String(value), source, assumed: /^assumption/i.test(source) };
  });
}
