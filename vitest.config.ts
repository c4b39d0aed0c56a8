import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    testTimeout: 30_000,
    // One worker per core: vitest's default keeps a core for itself, which on two cores means the
    // test files run one at a time while its own process mostly waits.
    maxWorkers: availableParallelism(),
  },
});
