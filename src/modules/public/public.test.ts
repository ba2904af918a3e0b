import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { insertProvinceTree } from '../../../test/support/fixtures.js';

describe.each(DIALECTS)('public information on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('answers without sign-in, with no province before the tree exists, then the root unit', async () => {
    const empty = await t.app.inject({ method: 'GET', url: '/api/public/info' });
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toEqual({ appName: 'Chính quyền số', province: null });
    await insertProvinceTree(t.db);
    const filled = await t.app.inject({ method: 'GET', url: '/api/public/info' });
    expect(filled.json()).toEqual({
      appName: 'Chính quyền số',
      province: { name: 'UBND tỉnh Điện Biên', code: '000.00.00.H18', shortName: 'UBND' },
    });
  });

  it('names the e-ID sign-in when OpenID Connect is configured', async () => {
    const withOidc = await createTestApp(dialect, { OIDC_ISSUER: 'https://id.example.test', OIDC_CLIENT_ID: 'cqs', OIDC_DISPLAY_NAME: 'VNeID' });
    try {
      const response = await withOidc.app.inject({ method: 'GET', url: '/api/public/info' });
      expect(response.json().oidcName).toBe('VNeID');
    } finally {
      await withOidc.close();
    }
  });
});
