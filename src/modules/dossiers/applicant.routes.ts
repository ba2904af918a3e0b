import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { App } from '../../app.js';
import { requireActor } from '../../platform/auth/authenticate.js';
import { DataStore, DataStoreQuery, getDataStore } from './data-store.js';
import { DOSSIER_TAGS } from './dossiers.routes.js';
import { DossierCodeParams, Rating, RatingBody } from './dossiers.schema.js';
import { deleteDraft, Draft, DraftBody, DraftList, DraftParams, getDraft, listDrafts, saveDraft } from './drafts.js';
import { rateDossier } from './rating.js';
import { Tracking, TrackingQuery, trackDossier } from './tracking.js';
import { SIGNED_IN } from '../../platform/http/route-security.js';

/** The applicant's side of the one-stop shop: public tracking, rating, drafts and the personal data store. */
export async function applicantRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.ctx;
  const tags = DOSSIER_TAGS;

  app.get(
    '/api/tracking/:code',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Tra cứu tiến độ hồ sơ theo mã (không cần đăng nhập; thông tin cá nhân chỉ hiện khi nhập đúng số định danh)',
        params: DossierCodeParams,
        querystring: TrackingQuery,
        response: { 200: Tracking },
      },
    },
    async (request) => trackDossier(db, request.params.code, request.query, request.ip ?? null),
  );

  app.post(
    '/api/dossiers/:code/rating',
    { schema: { tags, security: SIGNED_IN, summary: 'Đánh giá mức độ hài lòng (sau khi nhận kết quả, một lần)', params: DossierCodeParams, body: RatingBody, response: { 201: Rating } } },
    async (request, reply) => reply.code(201).send(await rateDossier(db, request.auditContext(), requireActor(request), request.params.code, request.body)),
  );

  app.get(
    '/api/me/data-store',
    { schema: { tags, security: SIGNED_IN, summary: 'Kho dữ liệu của tôi: hồ sơ cá nhân, giấy tờ đã nộp, kết quả đã nhận, dữ liệu điền sẵn', querystring: DataStoreQuery, response: { 200: DataStore } } },
    async (request) => getDataStore(db, requireActor(request), request.query),
  );

  app.get('/api/dossier-drafts', { schema: { tags, security: SIGNED_IN, summary: 'Hồ sơ lưu nháp của tôi', response: { 200: DraftList } } }, async (request) =>
    listDrafts(db, requireActor(request)),
  );
  app.post(
    '/api/dossier-drafts',
    { schema: { tags, security: SIGNED_IN, summary: 'Lưu nháp hồ sơ', body: DraftBody, response: { 201: Draft } } },
    async (request, reply) => reply.code(201).send(await saveDraft(db, requireActor(request), request.body)),
  );
  app.get(
    '/api/dossier-drafts/:id',
    { schema: { tags, security: SIGNED_IN, summary: 'Mở lại hồ sơ lưu nháp', params: DraftParams, response: { 200: Draft } } },
    async (request) => getDraft(db, requireActor(request), request.params.id),
  );
  app.put(
    '/api/dossier-drafts/:id',
    { schema: { tags, security: SIGNED_IN, summary: 'Cập nhật hồ sơ lưu nháp', params: DraftParams, body: DraftBody, response: { 200: Draft } } },
    async (request) => saveDraft(db, requireActor(request), request.body, request.params.id),
  );
  app.delete(
    '/api/dossier-drafts/:id',
    { schema: { tags, security: SIGNED_IN, summary: 'Xóa hồ sơ lưu nháp', params: DraftParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await deleteDraft(db, requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
