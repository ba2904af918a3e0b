import { statSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const isBrowserFile = (spec: TestSpecification) => spec.moduleId.endsWith('.e2e.test.ts');
const sizeOf = (spec: TestSpecification) => statSync(spec.moduleId, { throwIfNoEntry: false })?.size ?? 0;

/**
 * Longest files first, so the two workers finish together instead of one running a two-minute browser file alone at
 * the end. With durations from an earlier run (vitest's cache) the base sequencer already orders by them; a fresh clone
 * (CI) has none and the base falls back to file size, which ranks a long API file above a browser file that takes
 * several times longer. There the browser files (each one a server, a seeded database and Chromium) go first.
 */
export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const key = (spec: TestSpecification) => `${spec.project.name}:${spec.moduleId.slice(this.ctx.config.root.length + 1)}`;
    if (files.every((spec) => cache.getFileTestResults(key(spec)))) return super.sort(files);
    return [...files].sort((a, b) => Number(isBrowserFile(b)) - Number(isBrowserFile(a)) || sizeOf(b) - sizeOf(a));
  }
}
