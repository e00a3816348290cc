import { mkdirSync } from 'node:fs';
import { CliError } from './errors.js';

/**
 * Creates a directory the user named (with its parents) if it is missing. A path through a file
 * (ENOTDIR), a file in its place (EEXIST) or no permission is the user's to fix: one line naming
 * the option and the path, not a stack.
 */
export function ensureDirectory(path: string, option: string): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : undefined;
    if (!why) throw error;
    throw new CliError(`${option} ${path}: cannot create the directory (${why}: ${code})`);
  }
}
