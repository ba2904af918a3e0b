import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '../../app.js';
import { requireActor } from '../../platform/auth/authenticate.js';
import { IDEMPOTENCY_HEADER, idempotencyKeyOf, sendIdempotent } from '../../platform/http/idempotent-route.js';
import { SIGNED_IN } from '../../platform/http/route-security.js';
import { actOnDossier } from './act-on-dossier.js';
// Open dossiers follow their unit when units merge (registers the merge participant).
import './dossier-merge.js';
import { getDossier } from './dossier-detail.js';
import { ActionBody, DossierCodeParams, DossierDetail, DossierList, DossierListQuery, SubmitDossierBody } from './dossiers.schema.js';
import { listDossiers } from './list-dossiers.js';
import { submitDossier } from './submit-dossier.js';

export const DOSSIER_TAGS = ['Hồ sơ một cửa'];
export async function dossiersRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.ctx;

  app.post(
    '/api/dossiers',
    {
      schema: {
        tags: DOSSIER_TAGS,
        security: SIGNED_IN,
        summary: 'Nộp hồ sơ (trực tuyến, hoặc tiếp nhận trực tiếp tại Bộ phận Một cửa)',
        headers: IDEMPOTENCY_HEADER,
        body: SubmitDossierBody,
        response: { 201: DossierDetail },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await submitDossier(db, {
          context: request.auditContext(),
          actor: requireActor(request),
          body: request.body,
          language: request.language,
          idempotencyKey: idempotencyKeyOf(request),
          config,
        }),
      ),
  );

  app.get(
    '/api/dossiers',
    { schema: { tags: DOSSIER_TAGS, security: SIGNED_IN, summary: 'Danh sách hồ sơ (hồ sơ của tôi, danh sách công việc)', querystring: DossierListQuery, response: { 200: DossierList } } },
    async (request) => listDossiers(db, request.auditContext(), requireActor(request), request.query, request.language),
  );

  app.get(
    '/api/dossiers/:code',
    { schema: { tags: DOSSIER_TAGS, security: SIGNED_IN, summary: 'Chi tiết hồ sơ, lịch sử xử lý và các thao tác được phép', params: DossierCodeParams, response: { 200: DossierDetail } } },
    async (request) => getDossier(db, request.auditContext(), requireActor(request), request.params.code),
  );

  app.post(
    '/api/dossiers/:code/actions',
    {
      schema: {
        tags: DOSSIER_TAGS,
        security: SIGNED_IN,
        summary: 'Thực hiện một thao tác trên hồ sơ (tiếp nhận, chuyển, phê duyệt, trả kết quả…)',
        description: '409 ACTION_NOT_ALLOWED kèm allowedActions khi thao tác không được phép lúc này.',
        headers: IDEMPOTENCY_HEADER,
        params: DossierCodeParams,
        body: ActionBody,
        response: { 200: DossierDetail },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await actOnDossier(db, {
          context: request.auditContext(),
          actor: requireActor(request),
          code: request.params.code,
          body: request.body,
          language: request.language,
          idempotencyKey: idempotencyKeyOf(request),
          publicUrl: config.publicUrl,
        }),
      ),
  );
}
