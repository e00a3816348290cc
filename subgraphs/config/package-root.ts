import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project folder (where package.json is), found from a module's own folder: the same files
 * run as TypeScript sources (specs) and compiled under dist/ (the CLI), at different depths.
 */
export function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
