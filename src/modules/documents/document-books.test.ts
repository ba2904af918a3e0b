import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer } from '../../../test/support/fixtures.js';
import { insertDocumentsWorld, type DocumentsWorld } from '../../../test/support/documents.js';
import { findOrCreateBook, localYear, takeNumber } from './document-books.js';

describe.each(DIALECTS)('document books and numbers (%s)', (dialect) => {
  let t: TestApp;
  let world: DocumentsWorld;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    world = await insertDocumentsWorld(t.db);
  });
  afterAll(async () => t?.close());

  it('gives 100 concurrent numbers of one book distinct and gap-free (1..100)', async () => {
    const book = await t.db.transaction().execute((tx) => findOrCreateBook(tx, world.units.justice, 'outgoing', false, 2030, null));
    const numbers = await Promise.all(Array.from({ length: 100 }, () => t.db.transaction().execute((tx) => takeNumber(tx, Number(book.id)))));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('gives back a number whose transaction rolled back', async () => {
    const book = await t.db.transaction().execute((tx) => findOrCreateBook(tx, world.units.justice, 'internal', false, 2030, null));
    await expect(
      t.db.transaction().execute(async (tx) => {
        await takeNumber(tx, Number(book.id));
        throw new Error('action failed');
      }),
    ).rejects.toThrow('action failed');
    expect(await t.db.transaction().execute((tx) => takeNumber(tx, Number(book.id)))).toBe(1);
  });

  it('restarts arrival numbers in a new year book, confidential books apart', async () => {
    const year = (y: number, confidential = false) => t.db.transaction().execute((tx) => findOrCreateBook(tx, world.units.justice, 'incoming', confidential, y, null));
    const b2031 = await year(2031);
    const b2032 = await year(2032);
    const secret = await year(2031, true);
    expect(b2031.name).toBe('Sổ văn bản đến năm 2031');
    expect(secret.name).toBe('Sổ văn bản mật đến năm 2031');
    expect(await t.db.transaction().execute((tx) => takeNumber(tx, Number(b2031.id)))).toBe(1);
    expect(await t.db.transaction().execute((tx) => takeNumber(tx, Number(b2031.id)))).toBe(2);
    expect(await t.db.transaction().execute((tx) => takeNumber(tx, Number(b2032.id)))).toBe(1);
    expect(await t.db.transaction().execute((tx) => takeNumber(tx, Number(secret.id)))).toBe(1);
    expect((await year(2031)).id).toBe(b2031.id);
  });

  it('years follow Viet Nam time: 31 December 17:30 UTC is already the new year', () => {
    expect(localYear(new Date('2026-12-31T17:30:00Z'))).toBe(2027);
    expect(localYear(new Date('2026-12-31T16:59:00Z'))).toBe(2026);
  });

  it('lists and opens books through the API (clerk only), refusing duplicates and bad input', async () => {
    const body = { unitId: world.units.justice, year: 2030, kind: 'outgoing', name: 'Sổ giấy mời năm 2030' };
    const created = await t.app.inject({ method: 'POST', url: '/api/document-books', headers: bearer(world.clerk.token), payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Sổ giấy mời năm 2030', lastNumber: 0, confidential: false });
    const again = await t.app.inject({ method: 'POST', url: '/api/document-books', headers: bearer(world.clerk.token), payload: body });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DOCUMENT_BOOK_EXISTS');
    const leader = await t.app.inject({ method: 'POST', url: '/api/document-books', headers: bearer(world.leader.token), payload: { ...body, name: 'Khác' } });
    expect(leader.statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'POST', url: '/api/document-books', headers: bearer(world.clerk.token), payload: { ...body, kind: 'other' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('/kind');
    const list = await t.app.inject({ method: 'GET', url: `/api/document-books?unitId=${world.units.justice}&year=2030`, headers: bearer(world.leader.token) });
    expect(list.json().items.map((b: { name: string }) => b.name)).toContain('Sổ giấy mời năm 2030');
    const outsider = await t.app.inject({ method: 'GET', url: `/api/document-books?unitId=${world.units.justice}`, headers: bearer(world.outsider.token) });
    expect(outsider.json().items).toEqual([]);
    const vocabulary = await t.app.inject({ method: 'GET', url: '/api/documents/vocabulary', headers: { ...bearer(world.clerk.token), 'accept-language': 'en' } });
    expect(vocabulary.json().types).toContainEqual({ code: 'QD', name: 'Quyết định', abbreviation: 'QĐ' });
    expect(vocabulary.json().urgencies).toContainEqual({ code: 'hoa_toc', label: 'Immediate' });
    expect(vocabulary.json().confidentialities).toContainEqual({ code: 'mat', label: 'Confidential' });
  });
});
