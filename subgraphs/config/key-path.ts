import type { z } from 'zod';

/** Where a setting is, as its user writes it: `listen.port`, `nodes[1].country`. */
export function keyPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((written, key) => (typeof key === 'number' ? `${written}[${key}]` : written ? `${written}.${String(key)}` : String(key)), '');
}

/** A zod issue as a path and a message; an unknown key is reported under its own name, not its parent's. */
export function settingIssue(issue: z.core.$ZodIssue): { readonly path: readonly PropertyKey[]; readonly message: string } {
  if (issue.code === 'unrecognized_keys') return { path: [...issue.path, issue.keys[0] ?? ''], message: 'unknown key' };
  return { path: issue.path, message: issue.message };
}
