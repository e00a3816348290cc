import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';

/**
 * Parses YAML and validates it with a zod schema. Errors name the source, the line and the key
 * path: `cadena.yaml:14: countries.MX.declarationsPerDay: expected number, received string`.
 * `fail` builds the error the caller's module throws (SimulationError, GatewayConfigError, ...).
 */
export function parseYamlWith<S extends z.ZodType>(schema: S, text: string, source: string, fail: (message: string) => Error): z.output<S> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const yamlError = document.errors[0];
  if (yamlError) {
    const line = lineCounter.linePos(yamlError.pos[0]).line;
    throw fail(`${source}:${line}: invalid YAML: ${yamlError.message.split('\n')[0]}`);
  }
  const parsed = schema.safeParse(document.toJS());
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String) ?? [];
  const line = lineOf(document.contents, path, lineCounter);
  const key = path.join('.') || '(top level)';
  throw fail(`${source}:${line}: ${key}: ${issue?.message ?? 'invalid'}`);
}

/** The line of the deepest node along `path` that exists (the parent, for a missing key). */
function lineOf(root: unknown, path: readonly string[], counter: LineCounter): number {
  let node = root as Node | null;
  let offset = (node as { range?: [number] } | null)?.range?.[0] ?? 0;
  for (const key of path) {
    const next = (node as { get?: (k: unknown, keep: boolean) => unknown } | null)?.get?.(isMap(node) ? key : Number(key), true) as Node | undefined;
    if (!next) break;
    const pair = isMap(node) ? node.items.find((item) => isScalar(item.key) && String(item.key.value) === key) : undefined;
    offset = (isScalar(pair?.key) ? pair.key.range?.[0] : undefined) ?? next.range?.[0] ?? offset;
    node = next;
  }
  return counter.linePos(offset).line;
}
