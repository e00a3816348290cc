import { isMap, isScalar, type LineCounter, type Node } from 'yaml';

/** The line of the deepest node along `path` that exists (for a missing key, its parent's line). */
export function lineOf(root: unknown, path: readonly (string | number)[], counter: LineCounter): number {
  let node = root as Node | null;
  let offset = (node as { range?: [number] } | null)?.range?.[0] ?? 0;
  for (const raw of path) {
    const key = String(raw);
    const next = (node as { get?: (k: unknown, keep: boolean) => unknown } | null)?.get?.(isMap(node) ? key : Number(key), true) as Node | undefined;
    const pair = isMap(node) ? node.items.find((item) => isScalar(item.key) && String(item.key.value) === key) : undefined;
    const keyOffset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
    if (!next && keyOffset === undefined) break;
    offset = keyOffset ?? next?.range?.[0] ?? offset;
    if (!next) break;
    node = next;
  }
  return counter.linePos(offset).line;
}
