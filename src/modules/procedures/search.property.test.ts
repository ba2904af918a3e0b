import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { sampleProcedure } from '../../../test/support/fixtures.js';
import { SYSTEM } from '../users/performer.js';
import { importCatalogue } from './procedures.service.js';
import { queryTerms } from './procedures.repository.js';

// Syllables with every Vietnamese mark and đ, so folding has work to do.
const SYLLABLES = ['Đăng', 'ký', 'khai', 'sinh', 'kết', 'hôn', 'chứng', 'thực', 'bản', 'sao', 'hộ', 'tịch', 'xây', 'dựng', 'giấy', 'phép', 'rượu', 'đất', 'đai', 'lý', 'lịch', 'tư', 'pháp', 'Mường', 'Nậm', 'Pồ', 'Ảng', 'Tủa', 'Chùa', 'ưu', 'đãi', 'ỷ', 'Ễ'];
const syllable = fc.constantFrom(...SYLLABLES);
const name = fc.array(syllable, { minLength: 2, maxLength: 6 }).map((words) => words.join(' '));
/** What a citizen may type: no marks, or any case, or a prefix of the last word. */
const typed = (text: string) =>
  fc.record({ upper: fc.boolean(), stripMarks: fc.boolean(), cut: fc.integer({ min: 0, max: 2 }) }).map(({ upper, stripMarks, cut }) => {
    let q = stripMarks ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D') : text;
    q = upper ? q.toUpperCase() : q.toLowerCase();
    return cut > 0 && q.length > cut + 1 ? q.slice(0, q.length - cut) : q;
  });

describe('query terms', () => {
  it('are only folded letters and digits, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (q) => {
        for (const term of queryTerms(q)) expect(term).toMatch(/^[a-z0-9]+$/);
      }),
    );
  });
});

describe.each(DIALECTS)('accent- and case-insensitive search on %s', (dialect) => {
  let t: TestApp;
  const context = { actorId: null, actorUsername: 'system', ip: null, requestId: null };
  let counter = 0;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('finds a procedure by its name typed without marks, in any case, or cut short', async () => {
    await fc.assert(
      fc.asyncProperty(name.chain((n) => fc.tuple(fc.constant(n), typed(n))), async ([procedureName, q]) => {
        counter += 1;
        const code = `7.${String(counter).padStart(6, '0')}`;
        await importCatalogue(t.db, context, SYSTEM, [sampleProcedure(code, { name: procedureName })], 'vi');
        const response = await t.app.inject({ method: 'GET', url: `/api/procedures?pageSize=100&q=${encodeURIComponent(q)}` });
        expect(response.statusCode).toBe(200);
        expect(response.json().items.map((i: { code: string }) => i.code)).toContain(code);
      }),
      { numRuns: 25 },
    );
  });
});
