import { mkdirSync } from 'node:fs';
import { pathFailure } from './user-files.js';

/**
 * Creates a directory the user named (with its parents) if it is missing. A path through a file
 * (ENOTDIR), a file in its place (EEXIST) or no permission is the user's to fix: one line naming
 * the option and the path, not a stack.
 */
export function ensureDirectory(path: string, option: string): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    throw pathFailure(error, option, path, 'create the directory');
  }
}
