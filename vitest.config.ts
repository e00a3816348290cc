import { defineConfig } from 'vitest/config';

export const config = defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

// Vitest loads the default export of its config file.
// eslint-disable-next-line no-restricted-syntax
export default config;
