import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { CliError } from './errors.js';

/** Why a path the user named cannot be read, written or created, by its error code. */
const WHY: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a file is in the way',
  EEXIST: 'a file is in the way',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/**
 * A failed read, write or mkdir of a path the user named (through `option`) as one line naming
 * both: the user's to fix, not a stack. Any other error is returned as it is, a fault.
 */
export function pathFailure(error: unknown, option: string, path: string, doing: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why = code === undefined ? undefined : WHY[code];
  return why ? new CliError(`${option} ${path}: cannot ${doing} (${why}: ${code})`) : error;
}

/** The text of a file the user named, such as a token file. */
export function readUserFile(path: string, option: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw pathFailure(error, option, path, 'read the file');
  }
}

/** Writes a file the user named, such as `--out`; its folder must exist. */
export function writeUserFile(path: string, text: string, option: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw pathFailure(error, option, path, 'write the file');
  }
}

/**
 * Writes a file the user named whole or not at all, for a reader who must never see half of it:
 * into a temporary file beside it, renamed over it (and removed if that fails).
 */
export function replaceUserFile(path: string, text: string, option: string): void {
  const temp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw pathFailure(error, option, path, 'write the file');
  }
}
