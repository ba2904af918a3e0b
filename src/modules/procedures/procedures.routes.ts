import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.js';
import { requireActor } from '../../platform/auth/authenticate.js';
import { pickLanguage } from '../../platform/i18n/language.js';
import {
  CatalogueExport,
  CatalogueImportBody,
  FeeQuote,
  FeeQuoteBody,
  ImportReport,
  ProcedureDocument,
  ProcedureList,
  ProcedureListQuery,
  ProcedureParams,
  ProcedureVersion,
  ProcedureVersionQuery,
} from './procedures.schema.js';
import {
  createProcedure,
  exportCatalogue,
  getProcedure,
  importCatalogue,
  listProcedures,
  quoteProcedureFees,
  retireProcedure,
  updateProcedure,
} from './procedures.service.js';
import { SIGNED_IN } from '../../platform/http/route-security.js';

const tags = ['Thủ tục hành chính'];
const languageOf = (request: FastifyRequest) => pickLanguage(request.headers['accept-language']);

export async function proceduresRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.ctx;

  app.get(
    '/api/procedures',
    {
      config: { public: true },
      schema: { tags, summary: 'Tra cứu thủ tục hành chính (không phân biệt dấu, hoa thường)', querystring: ProcedureListQuery, response: { 200: ProcedureList } },
    },
    async (request) => listProcedures(db, request.query),
  );

  app.get(
    '/api/procedures/export',
    { schema: { tags, security: SIGNED_IN, summary: 'Xuất toàn bộ danh mục thủ tục (JSON)', response: { 200: CatalogueExport } } },
    async (request) => exportCatalogue(db, request.auditContext(), requireActor(request)),
  );

  app.post(
    '/api/procedures/import',
    {
      schema: { tags, security: SIGNED_IN, summary: 'Nhập danh mục thủ tục (tạo mới hoặc thêm phiên bản, trong một giao dịch)', body: CatalogueImportBody, response: { 200: ImportReport } },
    },
    async (request) => importCatalogue(db, request.auditContext(), requireActor(request), request.body.procedures, languageOf(request)),
  );

  app.get(
    '/api/procedures/:code',
    {
      config: { public: true },
      schema: { tags, summary: 'Chi tiết thủ tục (phiên bản hiện hành hoặc ?version=N)', params: ProcedureParams, querystring: ProcedureVersionQuery, response: { 200: ProcedureVersion } },
    },
    async (request) => getProcedure(db, request.params.code, request.query.version),
  );

  app.post(
    '/api/procedures/:code/fee-quote',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Tính lệ phí, phí phải nộp theo tờ khai và kênh nộp (phiên bản hiện hành)',
        params: ProcedureParams,
        body: FeeQuoteBody,
        response: { 200: FeeQuote },
      },
    },
    async (request) => quoteProcedureFees(db, request.params.code, request.body),
  );

  app.post(
    '/api/procedures',
    { schema: { tags, security: SIGNED_IN, summary: 'Thêm thủ tục vào danh mục', body: ProcedureDocument, response: { 201: ProcedureVersion } } },
    async (request, reply) =>
      reply.code(201).send(await createProcedure(db, request.auditContext(), requireActor(request), request.body, languageOf(request))),
  );

  app.put(
    '/api/procedures/:code',
    { schema: { tags, security: SIGNED_IN, summary: 'Sửa thủ tục (tạo phiên bản mới)', params: ProcedureParams, body: ProcedureDocument, response: { 200: ProcedureVersion } } },
    async (request) => updateProcedure(db, request.auditContext(), requireActor(request), request.params.code, request.body, languageOf(request)),
  );

  app.post(
    '/api/procedures/:code/retire',
    { schema: { tags, security: SIGNED_IN, summary: 'Ngừng áp dụng thủ tục', params: ProcedureParams, response: { 200: ProcedureVersion } } },
    async (request) => retireProcedure(db, request.auditContext(), requireActor(request), request.params.code),
  );
}
