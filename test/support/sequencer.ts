import { statSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * How long a file runs for its size, by kind: a resilience file starts server processes, PostgreSQL clusters and nginx
 * and kills them (one ran three minutes from 5.5 kB), a browser file a server, a seeded database and Chromium; an API
 * file runs in process.
 */
const kindOf = (spec: TestSpecification) => (spec.moduleId.includes('/test/resilience/') ? 2 : spec.moduleId.endsWith('.e2e.test.ts') ? 1 : 0);
const sizeOf = (spec: TestSpecification) => statSync(spec.moduleId, { throwIfNoEntry: false })?.size ?? 0;

/**
 * Longest files first, so the two workers finish together instead of one running a two-minute file alone at the end.
 * With durations from an earlier run (vitest's cache) the base sequencer already orders by them; a fresh clone (CI) has
 * none and the base falls back to file size, which ranks a long API file above a browser or resilience file that takes
 * several times longer. There the resilience files go first, then the browser files, then the rest, each by size.
 */
export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const key = (spec: TestSpecification) => `${spec.project.name}:${spec.moduleId.slice(this.ctx.config.root.length + 1)}`;
    if (files.every((spec) => cache.getFileTestResults(key(spec)))) return super.sort(files);
    return [...files].sort((a, b) => kindOf(b) - kindOf(a) || sizeOf(b) - sizeOf(a));
  }
}
