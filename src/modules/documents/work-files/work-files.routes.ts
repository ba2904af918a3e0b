import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '../../../app.js';
import { requireActor } from '../../../platform/auth/authenticate.js';
import { SIGNED_IN } from '../../../platform/http/route-security.js';
import { createFileStore } from '../../../platform/storage/create-file-store.js';
import { contentDisposition } from '../../files/file-name.js';
import { exportWorkFile } from './export-work-file.js';
import { closeWorkFile, createWorkFile, getWorkFile, listWorkFiles } from './work-files.service.js';
import { NewWorkFileBody, WorkFile, WorkFileDetail, WorkFileIdParams, WorkFileList, WorkFileQuery } from './work-files.schema.js';

const base = { tags: ['Hồ sơ công việc'], security: SIGNED_IN };

export async function workFilesRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.ctx;
  const store = createFileStore(config);

  app.get('/api/work-files', { schema: { ...base, summary: 'Danh sách hồ sơ công việc (work files)', querystring: WorkFileQuery, response: { 200: WorkFileList } } }, async (request) =>
    listWorkFiles(db, requireActor(request), request.query),
  );
  app.post(
    '/api/work-files',
    { schema: { ...base, summary: 'Lập hồ sơ công việc (open a work file)', body: NewWorkFileBody, response: { 201: WorkFile } } },
    async (request, reply) => reply.code(201).send(await createWorkFile(db, request.auditContext(), requireActor(request), request.body, request.language)),
  );
  app.get('/api/work-files/:id', { schema: { ...base, summary: 'Hồ sơ công việc và các văn bản theo thời gian', params: WorkFileIdParams, response: { 200: WorkFileDetail } } }, async (request) =>
    getWorkFile(db, request.auditContext(), requireActor(request), request.params.id, request.language),
  );
  app.post('/api/work-files/:id/close', { schema: { ...base, summary: 'Đóng hồ sơ công việc (close)', params: WorkFileIdParams, response: { 200: WorkFile } } }, async (request) =>
    closeWorkFile(db, request.auditContext(), requireActor(request), request.params.id),
  );
  app.get(
    '/api/work-files/:id/export',
    { schema: { ...base, summary: 'Xuất hồ sơ: một tệp PDF theo thứ tự thời gian và mục lục XML, nén zip', params: WorkFileIdParams, produces: ['application/zip'] } },
    async (request, reply) => {
      const exported = await exportWorkFile({ db, store }, request.auditContext(), requireActor(request), request.params.id);
      return reply.type('application/zip').header('content-disposition', contentDisposition(exported.fileName)).header('cache-control', 'private, no-store').send(exported.zip);
    },
  );
}
