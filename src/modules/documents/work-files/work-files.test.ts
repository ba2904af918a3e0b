import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { DIALECTS } from '../../../../test/support/databases.js';
import { bearer, insertDocumentFixture } from '../../../../test/support/fixtures.js';
import { insertDocumentsWorld, type DocPerson, type DocumentsWorld } from '../../../../test/support/documents.js';
import { expectProblem } from '../../../../test/support/one-stop.js';
import { extractPdfPages } from '../../../../test/support/pdf.js';
import { createDocument, finishDocument, paragraph } from '../../../platform/pdf/index.js';
import { createFileStore } from '../../../platform/storage/create-file-store.js';
import { storePdf } from '../document-files.js';

async function pdfOfPages(...texts: string[]): Promise<Buffer> {
  const doc = createDocument({ title: 'Văn bản' });
  texts.forEach((text, index) => {
    if (index > 0) doc.addPage();
    paragraph(doc, text);
  });
  return finishDocument(doc);
}

describe.each(DIALECTS)('work files (hồ sơ công việc) on %s', (dialect) => {
  let t: TestApp;
  let w: DocumentsWorld;
  let fileId: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await insertDocumentsWorld(t.db);
  });
  afterAll(async () => t?.close());

  const request = (person: DocPerson, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: bearer(person.token), payload });
  const create = (person: DocPerson, overrides: Record<string, unknown> = {}) =>
    request(person, 'POST', '/api/work-files', { unitId: w.units.justice, year: 2026, notation: '01.TP', title: 'Hồ sơ về quản lý đất đai năm 2026', retentionYears: 10, ...overrides });

  it('opens a work file with its retention period, audited, once per notation and year', async () => {
    const response = await create(w.clerk);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ notation: '01.TP', year: 2026, retentionYears: 10, permanent: false, status: 'open', unitName: 'Sở Tư pháp', documentCount: 0 });
    fileId = response.json().id;
    const permanent = await create(w.head, { notation: '02.TP', retentionYears: undefined, permanent: true });
    expect(permanent.json()).toMatchObject({ retentionYears: null, permanent: true });
    expectProblem(await create(w.clerk), 409, 'WORK_FILE_EXISTS');
    expect(await t.db.selectFrom('audit_log').select('action').where('action', '=', 'work_file.create').execute()).toHaveLength(2);
  });

  it('refuses bad input and officials of other units', async () => {
    expect(expectProblem(await create(w.clerk, { notation: '03', permanent: true }), 400, 'VALIDATION_FAILED').errors[0].path).toBe('/retentionYears');
    expect(expectProblem(await create(w.clerk, { notation: '03', retentionYears: undefined }), 400, 'VALIDATION_FAILED').errors[0].path).toBe('/retentionYears');
    expect(expectProblem(await create(w.clerk, { notation: '' }), 400, 'VALIDATION_FAILED').errors.map((e: { path: string }) => e.path)).toContain('/notation');
    expect(expectProblem(await create(w.clerk, { retentionYears: 0 }), 400, 'VALIDATION_FAILED').errors.map((e: { path: string }) => e.path)).toContain('/retentionYears');
    expectProblem(await create(w.outsider, { notation: '09' }), 403, 'FORBIDDEN');
    expect((await request(w.outsider, 'GET', '/api/work-files')).json()).toEqual({ items: [] });
    expectProblem(await request(w.outsider, 'GET', `/api/work-files/${fileId}`), 404, 'NOT_FOUND');
    expectProblem(await request(w.clerk, 'GET', '/api/work-files/abc'), 400, 'VALIDATION_FAILED');
  });

  it('shows the documents in time order, a confidential one only to its grant holders (audited)', async () => {
    const store = createFileStore(t.config);
    const later = await storePdf(t.db, store, w.clerk.id, await pdfOfPages('Trang A1 công văn trả lời', 'Trang A2 phụ lục'), 'a.pdf');
    const earlier = await storePdf(t.db, store, w.clerk.id, await pdfOfPages('Trang B1 quyết định giao đất'), 'b.pdf');
    ids.later = await insertDocumentFixture(t.db, { unitId: w.units.justice, subject: 'Công văn trả lời', issuedDate: '2026-05-02', mainFileId: later.id, workFileId: fileId, status: 'filed' });
    ids.earlier = await insertDocumentFixture(t.db, { unitId: w.units.justice, typeCode: 'QD', subject: 'Quyết định giao đất', codeNumber: '12', codeNotation: 'QĐ-UBND', issuedDate: '2026-03-01', mainFileId: earlier.id, workFileId: fileId, status: 'filed' });
    ids.secret = await insertDocumentFixture(t.db, { unitId: w.units.justice, subject: 'Báo cáo mật', confidentiality: 'mat', issuedDate: '2026-04-01', workFileId: fileId, status: 'filed' });
    const detail = await request(w.clerk, 'GET', `/api/work-files/${fileId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().documents.map((d: { id: number }) => d.id)).toEqual([ids.earlier, ids.later]);
    expect(detail.json().documentCount).toBe(3);
    await t.db.insertInto('document_access').values({ document_id: ids.secret, user_id: w.clerk.id, granted_by: null, granted_at: new Date().toISOString() }).execute();
    const granted = (await request(w.clerk, 'GET', `/api/work-files/${fileId}`)).json();
    expect(granted.documents.map((d: { id: number }) => d.id)).toEqual([ids.earlier, ids.secret, ids.later]);
    const audit = await t.db.selectFrom('audit_log').select('summary').where('action', '=', 'document.read').where('entity_type', '=', 'work_file').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary!)).toEqual({ via: 'work_file', documentIds: [ids.secret] });
  });

  it('exports one PDF in time order and an XML index with the Appendix VI metadata, zipped', async () => {
    const response = await request(w.clerk, 'GET', `/api/work-files/${fileId}/export`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(response.rawPayload);
    expect(Object.keys(zip.files).sort()).toEqual(['ho-so.pdf', 'muc-luc.xml']);
    const pages = await extractPdfPages(await zip.file('ho-so.pdf')!.async('nodebuffer'));
    expect(pages.map((p) => p.slice(0, 7))).toEqual(['Trang B', 'Trang A', 'Trang A']);
    const xml = await zip.file('muc-luc.xml')!.async('string');
    expect(xml).toContain('<FileNotation>01.TP</FileNotation>');
    expect(xml).toContain('<Maintenance>10 năm</Maintenance>');
    expect(xml.indexOf('Quyết định giao đất')).toBeLessThan(xml.indexOf('Báo cáo mật'));
    expect(xml.indexOf('Báo cáo mật')).toBeLessThan(xml.indexOf('Công văn trả lời'));
    expect(xml).toContain('<CodeNotation>QĐ-UBND</CodeNotation>');
    const audit = await t.db.selectFrom('audit_log').select('summary').where('action', '=', 'work_file.export').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary!)).toEqual({ documentIds: [ids.earlier, ids.secret, ids.later], confidentialIds: [ids.secret] });
  });

  it('closes a work file once; an empty one has nothing to export', async () => {
    const closed = await request(w.clerk, 'POST', `/api/work-files/${fileId}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect(closed.json().closedAt).not.toBeNull();
    expectProblem(await request(w.clerk, 'POST', `/api/work-files/${fileId}/close`), 409, 'WORK_FILE_CLOSED');
    expectProblem(await request(w.outsider, 'POST', `/api/work-files/${fileId}/close`), 404, 'NOT_FOUND');
    const list = (await request(w.clerk, 'GET', '/api/work-files?year=2026')).json();
    expect(list.items.map((f: { notation: string }) => f.notation)).toEqual(['01.TP', '02.TP']);
    const empty = list.items.find((f: { notation: string }) => f.notation === '02.TP');
    expectProblem(await request(w.clerk, 'GET', `/api/work-files/${empty.id}/export`), 409, 'WORK_FILE_EMPTY');
  });
});
