import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: two test files at a time.
    maxWorkers: 2,
    // expect.poll waits 1 s by default: too short for a browser and a server sharing two busy cores. A poll that
    // should fail still fails, only later.
    expect: { poll: { timeout: 15_000 } },
  },
});
