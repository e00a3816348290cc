#!/usr/bin/env node
// The `mra-hub` executable: runs the compiled CLI from dist/ (built by `npm ci` through `prepare`,
// and by `npm test`; `npm run build` rebuilds it after a change to the TypeScript).
import { existsSync } from 'node:fs';

const main = new URL('../../dist/subgraphs/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('mra-hub: not built yet: run `npm run build` in the project folder (`npm ci` builds it too)');
  process.exit(2);
}
await import(main.href);
