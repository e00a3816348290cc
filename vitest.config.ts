import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { budget } from './test/support/budget.js';

const require = createRequire(import.meta.url);

export const config = defineConfig({
  resolve: {
    // graphql ships CJS (main) and ESM (module) builds. Node, and every CommonJS dependency
    // (@apollo/*, mercurius), loads the CJS one; Vite would hand our code the ESM one, and two
    // copies of graphql break `instanceof` checks. Use the build Node itself resolves.
    alias: [
      { find: /^graphql$/, replacement: require.resolve('graphql') },
      { find: /^graphql\/(.+)\.js$/, replacement: join(dirname(require.resolve('graphql')), '$1.js') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Most specs wait on the processes they start (nodes, Redis, Chromium), so two files at a time
    // keep a 2-core machine busy; Vitest's default (cores - 1) would run them one by one there.
    // Each file keeps to its own ports (port 0), Redis keys (a unique prefix) and directories.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Budgets grow with the machine's load: specs start processes and talk to Redis.
    testTimeout: budget(60_000),
    hookTimeout: budget(60_000),
  },
});

// Vitest loads the default export of its config file.
// eslint-disable-next-line no-restricted-syntax
export default config;
