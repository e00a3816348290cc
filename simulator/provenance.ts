import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../subgraphs/config/package-root.js';
import { canonicalJson } from '../subgraphs/ledger/index.js';
import type { Scenario } from './scenario-schema.js';

/** What produced an output: enough to rerun it and get the same bytes. */
export interface Provenance {
  readonly tool: 'mra-hub simulate';
  readonly codeVersion: string;
  readonly scenario: string;
  /** SHA-256 of the validated scenario (defaults filled, --set applied), as canonical JSON. */
  readonly scenarioSha256: string;
  readonly sets: readonly string[];
  readonly sweep: readonly { readonly path: string; readonly values: readonly number[] }[];
  readonly design: 'single' | 'grid' | 'latin-hypercube';
  readonly seeds: readonly number[];
  readonly mechanisms: readonly string[];
  readonly baseline: string;
}

const ROOT = packageRoot(import.meta.dirname);

/** `mra-hub@0.1.0+<commit>`; MRA_HUB_CODE_VERSION overrides it (for builds without git). */
export function codeVersion(): string {
  if (process.env.MRA_HUB_CODE_VERSION) return process.env.MRA_HUB_CODE_VERSION;
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  try {
    const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `mra-hub@${version}+${commit}`;
  } catch {
    return `mra-hub@${version}`;
  }
}

export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(canonicalJson(scenario)).digest('hex');
}
