import { Type } from '@sinclair/typebox';
import type { App } from '../../app.js';
import { findActiveRoot } from '../units/units.repository.js';
import { Nullable } from '../../platform/http/schema-types.js';

export const APP_NAME = 'Chính quyền số';

const PublicInfo = Type.Object({
  appName: Type.String(),
  province: Nullable(Type.Object({ name: Type.String(), code: Type.String(), shortName: Type.String() })),
  /** Label of the national e-ID sign-in button (e.g. VNeID), present only when OpenID Connect is configured. */
  oidcName: Type.Optional(Type.String()),
});

export async function publicRoutes(app: App): Promise<void> {
  app.get(
    '/api/public/info',
    {
      config: { public: true },
      schema: { tags: ['Công khai'], summary: 'Thông tin chung cho trang chủ (tên ứng dụng, tỉnh)', response: { 200: PublicInfo } },
    },
    async () => {
      const { db, config } = app.ctx;
      const root = await findActiveRoot(db);
      return {
        appName: APP_NAME,
        province: root ? { name: root.name, code: root.code, shortName: root.short_name } : null,
        ...(config.oidc.issuer && config.oidc.clientId ? { oidcName: config.oidc.displayName } : {}),
      };
    },
  );
}
