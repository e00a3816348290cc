import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../subgraphs/config/package-root.js';

const ROOT = packageRoot(import.meta.dirname);
const major = (version: string) => Number(/^v?(\d+)\./.exec(version)?.[1]);

describe('runtime: Node 24 LTS, brought in by npm ci', () => {
  it('the specs run on Node 24 (npm test puts node_modules/.bin first on PATH)', () => {
    expect(major(process.version)).toBe(24);
  });

  it('the node devDependency installs a Node 24 binary, which `npm start` and `npx mra-hub` run', () => {
    const version = execFileSync(join(ROOT, 'node_modules', '.bin', 'node'), ['--version'], { encoding: 'utf8' }).trim();
    expect(major(version)).toBe(24);
  });

  it('package.json asks for Node 24 or later', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; devDependencies: Record<string, string> };
    expect(pkg.engines.node).toBe('>=24');
    expect(pkg.devDependencies.node).toMatch(/^\^24\./);
  });
});
