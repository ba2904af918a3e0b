import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/support/sequencer.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    // One process per worker runs its files one after another and loads the app's modules once, not once per file
    // (about 3 s of import per file). Module-level state is per database or content-keyed (see the caches in
    // src/modules/signing, calendar, procedures, service-index), so files cannot see each other's data.
    isolate: false,
    sequence: { sequencer: LongestFirstSequencer },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: two test files at a time.
    maxWorkers: 2,
    // expect.poll waits 1 s by default: too short for a browser and a server sharing two busy cores. A poll that
    // should fail still fails, only later.
    expect: { poll: { timeout: 15_000 } },
  },
});
