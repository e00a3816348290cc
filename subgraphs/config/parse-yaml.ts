import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { keyPath, settingIssue } from './key-path.js';

/**
 * Parses YAML and validates it with a zod schema. Errors name the source, the line and the key
 * path as written: `gateway.yaml:14: nodes[1].url: expected an http(s) URL ...`; an unknown key at
 * its own line (`gateway.yaml:15: fooBar: unknown key`).
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
  const first = parsed.error.issues[0];
  const issue = first ? settingIssue(first) : { path: [], message: 'invalid' };
  const line = lineOf(document.contents, issue.path.map(String), lineCounter);
  throw fail(`${source}:${line}: ${keyPath(issue.path) || '(top level)'}: ${issue.message}`);
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
