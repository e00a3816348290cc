import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
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

const ROOT = new URL('../', import.meta.url);

/** `mra-hub@0.1.0+<commit>`; MRA_HUB_CODE_VERSION overrides it (for builds without git). */
export function codeVersion(): string {
  if (process.env.MRA_HUB_CODE_VERSION) return process.env.MRA_HUB_CODE_VERSION;
  // From sources the package file is one folder up; from a compiled build (dist/simulator), two.
  const file = [new URL('package.json', ROOT), new URL('../package.json', ROOT)].find((u) => existsSync(u));
  const { version } = file ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }) : { version: '0.0.0' };
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
