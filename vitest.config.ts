import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // Vitest's default for `run` is one worker less than the cores: on a 2-core CI machine, one
    // file at a time. The tests wait on child processes and disk as much as on the CPU, and each
    // file has its own temp folders, so two run side by side.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
