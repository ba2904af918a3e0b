import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { App } from '../../app.js';
import { requireActor } from '../../platform/auth/authenticate.js';
import { renderDossierForm } from './dossier-forms.js';
import { renderRegister } from './dossier-register.js';
import { DOSSIER_TAGS } from './dossiers.routes.js';
import { FormParams } from './dossiers.schema.js';
import { SIGNED_IN } from '../../platform/http/route-security.js';

const LocalDate = (description: string) => Type.String({ format: 'date', description });

export const RegisterQuery = Type.Object(
  {
    unit: Type.String({ minLength: 1, maxLength: 50, description: 'Mã định danh của đơn vị' }),
    from: LocalDate('Từ ngày (yyyy-MM-dd, giờ Việt Nam)'),
    to: LocalDate('Đến ngày (yyyy-MM-dd, giờ Việt Nam), tối đa 366 ngày'),
  },
  { additionalProperties: false },
);
export type RegisterQuery = Static<typeof RegisterQuery>;

const pdfResponse = { 200: { description: 'PDF (application/pdf)', type: 'string', format: 'binary' } } as const;

/** Forms are personal data: shown in the browser, never kept in shared caches. */
function sendPdf(reply: FastifyReply, pdf: Buffer, fileName: string): FastifyReply {
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="${fileName}"`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(pdf);
}

export async function dossierFormsRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.ctx;

  // A static segment: find-my-way matches it before the parametric /api/dossiers/:code.
  app.get(
    '/api/dossiers/register',
    {
      schema: {
        tags: DOSSIER_TAGS,
        security: SIGNED_IN,
        summary: 'Sổ theo dõi hồ sơ (mẫu số 06) của một đơn vị trong một kỳ, dạng PDF',
        querystring: RegisterQuery,
        produces: ['application/pdf'],
        response: pdfResponse,
      },
    },
    async (request, reply) => {
      const { unit, from, to } = request.query;
      const pdf = await renderRegister(db, { context: request.auditContext(), actor: requireActor(request), unitCode: unit, from, to, language: request.language });
      return sendPdf(reply, pdf, `register-${unit}-${from}-${to}.pdf`);
    },
  );

  app.get(
    '/api/dossiers/:code/forms/:form',
    {
      schema: {
        tags: DOSSIER_TAGS,
        security: SIGNED_IN,
        summary: 'Phiếu của hồ sơ (mẫu số 01–05: tiếp nhận, yêu cầu bổ sung, từ chối, xin lỗi, kiểm soát) dạng PDF',
        params: FormParams,
        produces: ['application/pdf'],
        response: pdfResponse,
      },
    },
    async (request, reply) => {
      const { code, form } = request.params;
      const pdf = await renderDossierForm(db, { context: request.auditContext(), actor: requireActor(request), code, form, publicUrl: config.publicUrl });
      return sendPdf(reply, pdf, `${form}-${code}.pdf`);
    },
  );
}
