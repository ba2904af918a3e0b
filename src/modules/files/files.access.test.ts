import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertProvinceTree, insertUser, multipartBody, sessionTokenFor } from '../../../test/support/fixtures.js';
import type { Actor } from '../../platform/auth/actor.js';
import { canReadFile } from './file-access.js';

const PDF = Buffer.from('%PDF-1.7\n%% đơn đề nghị\n%%EOF\n');
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Just enough of an actor for the read rule, which looks at who the caller is. */
const actorOf = (userId: number) => ({ userId }) as Actor;

// Deny by default: a stored file is its uploader's until a later module (dossiers) grants more readers.
describe.each(DIALECTS)('who may read stored files on %s', (dialect) => {
  let t: TestApp;
  let owner: { id: number; token: string };
  let otherCitizen: string;
  let provinceAdmin: string;
  let fileId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const units = await insertProvinceTree(t.db);
    const ownerUser = await insertUser(t.db, { kind: 'citizen', roles: [{ role: 'citizen', unitId: null }] });
    owner = { id: ownerUser.id, token: await sessionTokenFor(t.db, ownerUser) };
    otherCitizen = await sessionTokenFor(t.db, await insertUser(t.db, { kind: 'citizen', roles: [{ role: 'citizen', unitId: null }] }));
    provinceAdmin = await sessionTokenFor(
      t.db,
      await insertUser(t.db, { withTotp: true, unitId: units.province, roles: [{ role: 'admin', unitId: units.province, includeSubtree: true }] }),
    );
    const body = await multipartBody({ file: { content: PDF, fileName: 'đơn.pdf' } });
    const uploaded = await t.app.inject({ method: 'POST', url: '/api/files', payload: body.payload, headers: { ...body.headers, ...bearer(owner.token) } });
    fileId = uploaded.json().id;
  });
  afterAll(async () => t?.close());

  const paths = () => [`/api/files/${fileId}`, `/api/files/${fileId}/meta`];

  it('lets the uploader read the bytes and the description', async () => {
    for (const url of paths()) {
      const response = await t.app.inject({ method: 'GET', url, headers: bearer(owner.token) });
      expect(response.statusCode).toBe(200);
    }
  });

  it.each([
    ['another citizen', () => otherCitizen],
    ['a province administrator', () => provinceAdmin],
  ])('answers 404 to %s, as if the file did not exist', async (_who, tokenOf) => {
    for (const url of paths()) {
      const response = await t.app.inject({ method: 'GET', url, headers: bearer(tokenOf()) });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    }
  });

  it('answers 401 to anonymous callers on every route', async () => {
    const body = await multipartBody({ file: { content: PDF, fileName: 'a.pdf' } });
    const responses = [
      await t.app.inject({ method: 'POST', url: '/api/files', payload: body.payload, headers: body.headers }),
      ...(await Promise.all(paths().map((url) => t.app.inject({ method: 'GET', url })))),
    ];
    for (const response of responses) {
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('UNAUTHENTICATED');
    }
  });

  it('exposes the same rule as canReadFile for later modules', async () => {
    expect(await canReadFile(t.db, actorOf(owner.id), fileId)).toBe(true);
    expect(await canReadFile(t.db, actorOf(owner.id + 1000), fileId)).toBe(false);
    expect(await canReadFile(t.db, actorOf(owner.id), UNKNOWN_ID)).toBe(false);
  });
});
