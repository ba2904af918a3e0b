import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, browserSessionFor, insertUser, multipartBody, sessionTokenFor } from '../../../test/support/fixtures.js';

const MAX_BYTES = 4096;
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.from('%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\x00\x00\x00\rIHDR-ảnh-chụp')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('\x00\x10JFIF\x00 căn cước')]);

const sha256Of = (value: Buffer) => createHash('sha256').update(value).digest('hex');

describe.each(DIALECTS)('stored files on %s', (dialect) => {
  let t: TestApp;
  let citizen: { id: number; token: string };
  let official: { id: number; token: string };
  const filesRoot = () => path.join(t.config.dataDir, 'files');
  const blobPath = (sha256: string) => path.join(filesRoot(), sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  /** Stored blobs (not the temp area). */
  const blobCount = () =>
    fs.existsSync(filesRoot())
      ? fs.readdirSync(filesRoot(), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.parentPath.endsWith('tmp')).length
      : 0;
  const tempCount = () => (fs.existsSync(path.join(filesRoot(), 'tmp')) ? fs.readdirSync(path.join(filesRoot(), 'tmp')).length : 0);
  const rowCount = async () => Number((await t.db.selectFrom('files').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  async function upload(token: string, content: Buffer, fileName: string, type = 'application/octet-stream', field = 'file') {
    const body = await multipartBody({ [field]: { content, fileName, type } });
    return t.app.inject({ method: 'POST', url: '/api/files', payload: body.payload, headers: { ...body.headers, ...bearer(token) } });
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, { UPLOAD_MAX_BYTES: String(MAX_BYTES) });
    const citizenUser = await insertUser(t.db, { kind: 'citizen', roles: [{ role: 'citizen', unitId: null }] });
    const officialUser = await insertUser(t.db, { kind: 'official' });
    citizen = { id: citizenUser.id, token: await sessionTokenFor(t.db, citizenUser) };
    official = { id: officialUser.id, token: await sessionTokenFor(t.db, officialUser) };
  });
  afterAll(async () => t?.close());

  it.each([
    ['PDF', PDF, 'Tờ khai.pdf', 'application/pdf'],
    ['PNG', PNG, 'ảnh chân dung.png', 'image/png'],
    ['JPEG', JPEG, 'CCCD mặt trước.jpg', 'image/jpeg'],
  ])('accepts a %s, stores it by content address and audits the upload', async (_label, content, fileName, mediaType) => {
    const response = await upload(citizen.token, content, fileName);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      mediaType,
      size: content.length,
      sha256: sha256Of(content),
      name: fileName,
      createdAt: expect.any(String),
    });
    expect(fs.readFileSync(blobPath(body.sha256)).equals(content)).toBe(true);
    const row = await t.db.selectFrom('files').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ sha256: body.sha256, size: content.length, media_type: mediaType, original_name: fileName, owner_user_id: citizen.id });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'file.upload').where('entity_id', '=', body.id).executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(citizen.id);
    expect(JSON.parse(audit.summary)).toEqual({ mediaType, size: content.length, sha256: body.sha256 });
    expect(audit.summary).not.toContain(fileName);
  });

  it('lets officials upload too', async () => {
    const response = await upload(official.token, PDF, 'kết quả.pdf');
    expect(response.statusCode).toBe(201);
  });

  it('refuses a text file named .pdf and declared application/pdf, leaving no file and no row', async () => {
    const [rowsBefore, blobsBefore] = [await rowCount(), blobCount()];
    const response = await upload(citizen.token, Buffer.from('Đây không phải PDF, chỉ là văn bản thường.'), 'giay-to.pdf', 'application/pdf');
    expect(response.statusCode).toBe(415);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 415, code: 'UNSUPPORTED_FILE_TYPE' });
    expect(await rowCount()).toBe(rowsBefore);
    expect(blobCount()).toBe(blobsBefore);
    expect(tempCount()).toBe(0);
  });

  it('refuses an empty file', async () => {
    const response = await upload(citizen.token, Buffer.alloc(0), 'rong.pdf');
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_FILE_TYPE');
  });

  it('stores a PNG named .pdf as a PNG and gives it a matching extension', async () => {
    const response = await upload(citizen.token, PNG, 'giay-to.pdf', 'application/pdf');
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ mediaType: 'image/png', name: 'giay-to.pdf.png' });
  });

  it('refuses a file over UPLOAD_MAX_BYTES with 413, leaving no file and no row', async () => {
    const [rowsBefore, blobsBefore] = [await rowCount(), blobCount()];
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_BYTES, 0x20)]);
    const response = await upload(citizen.token, big, 'lon.pdf');
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ status: 413, code: 'FILE_TOO_LARGE', detail: 'Tệp vượt quá dung lượng cho phép (4 KiB).' });
    expect(await rowCount()).toBe(rowsBefore);
    expect(blobCount()).toBe(blobsBefore);
    expect(tempCount()).toBe(0);
    expect(fs.existsSync(blobPath(sha256Of(big)))).toBe(false);
  });

  it('accepts a file of exactly UPLOAD_MAX_BYTES', async () => {
    const exact = Buffer.concat([PDF, Buffer.alloc(MAX_BYTES - PDF.length, 0x20)]);
    const response = await upload(citizen.token, exact, 'vua-du.pdf');
    expect(response.statusCode).toBe(201);
    expect(response.json().size).toBe(MAX_BYTES);
  });

  it('keeps identical content once on disk, with one row per upload', async () => {
    const content = Buffer.concat([PDF, Buffer.from(`trùng ${dialect}`)]);
    const first = (await upload(citizen.token, content, 'a.pdf')).json();
    const blobsAfterFirst = blobCount();
    const second = (await upload(official.token, content, 'b.pdf')).json();
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).toBe(first.sha256);
    expect(blobCount()).toBe(blobsAfterFirst);
    const rows = await t.db.selectFrom('files').select(['owner_user_id']).where('sha256', '=', first.sha256).orderBy('created_at').execute();
    expect(rows.map((r) => r.owner_user_id).sort()).toEqual([citizen.id, official.id].sort());
  });

  it('downloads identical bytes with the stored type, a UTF-8 file name and nosniff; audits the read', async () => {
    const uploaded = (await upload(citizen.token, JPEG, 'Giấy khai sinh (bé Đạt).jpg', 'text/html')).json();
    const response = await t.app.inject({ method: 'GET', url: `/api/files/${uploaded.id}`, headers: bearer(citizen.token) });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(JPEG)).toBe(true);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect(response.headers['content-length']).toBe(String(JPEG.length));
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-disposition']).toBe(
      "attachment; filename=\"Giay khai sinh (be Dat).jpg\"; filename*=UTF-8''Gi%E1%BA%A5y%20khai%20sinh%20%28b%C3%A9%20%C4%90%E1%BA%A1t%29.jpg",
    );
    const audit = await t.db.selectFrom('audit_log').select(['actor_id']).where('action', '=', 'file.download').where('entity_id', '=', uploaded.id).execute();
    expect(audit).toEqual([{ actor_id: citizen.id }]);
  });

  it('describes a file to its owner and audits the read', async () => {
    const uploaded = (await upload(citizen.token, PDF, 'don.pdf')).json();
    const response = await t.app.inject({ method: 'GET', url: `/api/files/${uploaded.id}/meta`, headers: bearer(citizen.token) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(uploaded);
    const audit = await t.db.selectFrom('audit_log').select(['actor_id']).where('action', '=', 'file.read').where('entity_id', '=', uploaded.id).execute();
    expect(audit).toEqual([{ actor_id: citizen.id }]);
  });

  it("answers 404 for another user's file and for an unknown id, without auditing a read", async () => {
    const uploaded = (await upload(citizen.token, PDF, 'rieng-tu.pdf')).json();
    for (const url of [`/api/files/${uploaded.id}`, `/api/files/${uploaded.id}/meta`, '/api/files/00000000-0000-4000-8000-000000000000']) {
      const response = await t.app.inject({ method: 'GET', url, headers: bearer(official.token) });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('NOT_FOUND');
    }
    const reads = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', uploaded.id).where('action', '!=', 'file.upload').execute();
    expect(reads).toEqual([]);
  });

  it('answers 400 with the path /file when the file field is missing or misnamed', async () => {
    const rowsBefore = await rowCount();
    const onlyText = await multipartBody({ note: 'không có tệp' });
    const missing = await t.app.inject({ method: 'POST', url: '/api/files', payload: onlyText.payload, headers: { ...onlyText.headers, ...bearer(citizen.token) } });
    expect(missing.statusCode).toBe(400);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/file', message: expect.any(String) }] });
    const misnamed = await upload(citizen.token, PDF, 'a.pdf', 'application/pdf', 'attachment');
    expect(misnamed.statusCode).toBe(400);
    expect(misnamed.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/file' }] });
    expect(await rowCount()).toBe(rowsBefore);
  });

  it('refuses a non-multipart body with 415', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/files', payload: { file: 'abc' }, headers: bearer(citizen.token) });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 400 with the path /params/id for an id that is not a UUID', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/files/..%2F..%2Fcqs.sqlite', headers: bearer(citizen.token) });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/params/id' }] });
  });

  it('accepts a browser upload with its CSRF token and refuses one without', async () => {
    const user = await insertUser(t.db, { kind: 'citizen', roles: [{ role: 'citizen', unitId: null }] });
    const session = await browserSessionFor(t.app, user);
    const body = await multipartBody({ file: { content: PNG, fileName: 'anh.png' } });
    const ok = await t.app.inject({ method: 'POST', url: '/api/files', payload: body.payload, headers: { ...body.headers, ...session.headers } });
    expect(ok.statusCode).toBe(201);
    const forged = await t.app.inject({ method: 'POST', url: '/api/files', payload: body.payload, headers: { ...body.headers, cookie: session.cookie } });
    expect(forged.statusCode).toBe(403);
  });

  it('documents the three routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/files', '/api/files/{id}', '/api/files/{id}/meta']));
    expect(Object.keys(doc.paths['/api/files'].post.responses)).toContain('201');
  });
});
