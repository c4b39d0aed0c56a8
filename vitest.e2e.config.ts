import { defineConfig } from 'vitest/config';

// Browser tests share one static server and run one file at a time: two cores cannot drive
// several Chromiums without the tests timing each other out.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
