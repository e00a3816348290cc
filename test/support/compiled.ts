import { join } from 'node:path';
import { packageRoot } from '../../subgraphs/config/package-root.js';

/**
 * The compiled JavaScript of a project file (`test/fixtures/x.ts` → `dist/test/fixtures/x.js`),
 * for specs that start it as a process: a plain `node` start, with no TypeScript loader.
 * `npm test` builds dist/ first.
 */
export function compiled(path: string): string {
  return join(packageRoot(import.meta.dirname), 'dist', path.replace(/\.ts$/, '.js'));
}
