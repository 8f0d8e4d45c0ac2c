import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Each worker keeps the modules it has loaded between test files: importing the product anew for each of
    // ~140 files cost more than the tests themselves. Tests build their own parts (ports, folders, databases).
    isolate: false,
    reporters: ['default'],
  },
});
