import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { SimulationError } from '../errors.js';

/** A file every run writes; with this tool's provenance in it, it marks a run folder the simulator may replace. */
const MARKER = 'metrics.json';

/**
 * Checks, before any work, that `out` can take a run: not an existing file, and if a folder, one
 * that an earlier run wrote (never someone's other data). Returns the absolute path.
 */
export function checkOutput(out: string): string {
  const path = resolve(out);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) throw new SimulationError(`--out ${out} is an existing file; give a folder for the run`, 'OUTPUT_INVALID');
  if (stat && !isRunFolder(path) && readdirSync(path).length > 0) {
    throw new SimulationError(`--out ${out} is a folder that holds other files (no ${MARKER} of an mra-hub run); refusing to replace it`, 'OUTPUT_INVALID');
  }
  const parent = dirname(path);
  const parentStat = statSync(parent, { throwIfNoEntry: false });
  if (parentStat && !parentStat.isDirectory()) throw new SimulationError(`--out ${out}: ${parent} is a file`, 'OUTPUT_INVALID');
  return path;
}

/**
 * Writes every file into a temporary folder beside `out`, then renames it into place (replacing
 * an earlier run), so a reader never sees half a run and a failure leaves the old one intact.
 */
export function writeRunAtomically(out: string, files: Readonly<Record<string, string | Uint8Array>>): string[] {
  const path = checkOutput(out);
  mkdirSync(dirname(path), { recursive: true });
  const temp = mkdtempSync(join(dirname(path), `.${basename(path)}.tmp-`));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(temp, name), content);
    if (existsSync(path)) {
      const old = `${temp}-old`;
      renameSync(path, old);
      renameSync(temp, path);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(temp, path);
    }
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  return Object.keys(files).map((name) => join(out, name));
}

/**
 * True when `path` holds a run's metrics.json (its provenance names this tool). A metrics.json is
 * a common name: a folder with someone else's (an analysis, a training run) is not replaced whole.
 */
function isRunFolder(path: string): boolean {
  const file = join(path, MARKER);
  if (!existsSync(file)) return false;
  try {
    const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return (json as { provenance?: { tool?: unknown } } | null)?.provenance?.tool === 'mra-hub simulate';
  } catch {
    return false;
  }
}
