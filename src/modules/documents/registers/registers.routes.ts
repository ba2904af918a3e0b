import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '../../../app.js';
import { requireActor } from '../../../platform/auth/authenticate.js';
import { SIGNED_IN } from '../../../platform/http/route-security.js';
import { contentDisposition } from '../../files/file-name.js';
import { exportRegister } from './export-register.js';
import { RegisterQuery } from './registers.schema.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function registersRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.ctx;
  app.get(
    '/api/documents/register.xlsx',
    {
      schema: {
        tags: ['Văn bản'],
        security: SIGNED_IN,
        summary: 'Sổ đăng ký văn bản đến / đi ra Excel (Nghị định 30/2020, Phụ lục IV)',
        querystring: RegisterQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const exported = await exportRegister(db, request.auditContext(), requireActor(request), request.query);
      return reply.type(XLSX).header('content-disposition', contentDisposition(exported.fileName)).header('cache-control', 'private, no-store').send(exported.xlsx);
    },
  );
}
