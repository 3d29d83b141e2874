import { defineConfig } from 'vitest/config';

// The real-container suite: run by test/containers/run.sh (npm run test:containers),
// excluded from the default `vitest run`.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/containers/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 1_800_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
