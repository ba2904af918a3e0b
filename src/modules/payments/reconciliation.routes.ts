import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '../../app.js';
import { requireActor } from '../../platform/auth/authenticate.js';
import { AppError } from '../../platform/errors/app-error.js';
import { contentDisposition } from '../files/file-name.js';
import { tooLarge } from '../files/upload-guard.js';
import { IDEMPOTENCY_HEADER, idempotencyKeyOf, sendIdempotent } from '../../platform/http/idempotent-route.js';
import { SIGNED_IN } from '../../platform/http/route-security.js';
import { collectedReport } from './fee-reports.js';
import { feeReportWorkbook } from './fee-reports-excel.js';
import { GATEWAY_FILE_MAX_BYTES } from './reconciliation-file.js';
import {
  getReconciliationRun,
  importReconciliation,
  listReconciliationRuns,
  resolveReconciliationItem,
  type GatewayFileUpload,
} from './reconciliation.js';
import {
  CollectedReport,
  CollectedReportQuery,
  IdParams,
  PaymentDetail,
  RefundBody,
  ReconciliationItem,
  ReconciliationRunDetail,
  ReconciliationRunList,
  ResolveItemBody,
} from './reconciliation.schema.js';
import { getPaymentDetail, recordRefund } from './refunds.js';

const TAGS = ['Thanh toán — kế toán'];
/** The accountant's side of payments: daily reconciliation with the gateway, refunds and fee reports. */
export async function reconciliationRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.ctx;
  // Encapsulated in this plugin: only the reconciliation upload takes multipart here.
  await app.register(multipart, {
    limits: { fileSize: GATEWAY_FILE_MAX_BYTES + 1, files: 1, fields: 5, parts: 6, fieldSize: 200 },
  });

  app.post(
    '/api/payments/reconciliations',
    {
      schema: {
        tags: TAGS,
        security: SIGNED_IN,
        summary: 'Đối soát giao dịch trong ngày với tệp của cổng thanh toán (reconcile a daily gateway file)',
        description:
          'multipart/form-data: "date" (yyyy-MM-dd) và "file" (CSV: txn_ref,transaction_no,amount_vnd,bank_code,pay_date,status). ' +
          'Lỗi từng dòng ở /file/row/{n}/{cột}, n đếm giao dịch từ 1 (không tính dòng tiêu đề).',
        consumes: ['multipart/form-data'],
        response: { 201: ReconciliationRunDetail },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const upload = await readGatewayFile(request);
      const run = await importReconciliation(db, actor, request.auditContext(), request.language, upload);
      return reply.code(201).send(run);
    },
  );

  app.get(
    '/api/payments/reconciliations',
    { schema: { tags: TAGS, security: SIGNED_IN, summary: 'Các lần đối soát (reconciliation runs, newest first)', response: { 200: ReconciliationRunList } } },
    async (request) => ({ items: await listReconciliationRuns(db, requireActor(request)) }),
  );

  app.get(
    '/api/payments/reconciliations/:id',
    {
      schema: {
        tags: TAGS,
        security: SIGNED_IN,
        summary: 'Một lần đối soát và các chênh lệch (run with its items)',
        params: IdParams,
        response: { 200: ReconciliationRunDetail },
      },
    },
    async (request) => getReconciliationRun(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/payments/reconciliation-items/:id/resolve',
    {
      schema: {
        tags: TAGS,
        security: SIGNED_IN,
        summary: 'Ghi nhận đã xử lý một chênh lệch (resolve a reconciliation item)',
        params: IdParams,
        body: ResolveItemBody,
        response: { 200: ReconciliationItem },
      },
    },
    async (request) => resolveReconciliationItem(db, requireActor(request), request.auditContext(), request.params.id, request.body.note),
  );

  app.get(
    '/api/payments/:id',
    {
      schema: {
        tags: TAGS,
        security: SIGNED_IN,
        summary: 'Một khoản thu và các lần hoàn trả (payment with refunds)',
        params: IdParams,
        response: { 200: PaymentDetail },
      },
    },
    async (request) => getPaymentDetail(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/payments/:id/refunds',
    {
      schema: {
        tags: TAGS,
        security: SIGNED_IN,
        summary: 'Ghi nhận hoàn trả tiền cho người nộp (record a refund)',
        description: '409 REFUND_EXCEEDS_PAYMENT khi tổng số tiền hoàn vượt số đã thu. Idempotency-Key: gửi lại cùng khóa thì không hoàn lần hai.',
        headers: IDEMPOTENCY_HEADER,
        params: IdParams,
        body: RefundBody,
        response: { 201: PaymentDetail },
      },
    },
    async (request, reply) =>
      sendIdempotent(reply, await recordRefund(db, requireActor(request), request.auditContext(), request.params.id, request.body, idempotencyKeyOf(request))),
  );

  app.get(
    '/api/payments/reports/collected',
    {
      schema: {
        tags: TAGS,
        security: SIGNED_IN,
        summary: 'Báo cáo thu phí, lệ phí theo đơn vị, thủ tục, hình thức hoặc ngày (fees collected)',
        querystring: CollectedReportQuery,
        response: { 200: CollectedReport },
      },
    },
    async (request) => collectedReport(db, requireActor(request), request.language, request.query),
  );

  app.get(
    '/api/payments/reports/collected.xlsx',
    {
      schema: {
        tags: TAGS,
        security: SIGNED_IN,
        summary: 'Báo cáo thu phí dạng Excel (the same report as .xlsx)',
        querystring: CollectedReportQuery,
      },
    },
    async (request, reply) => {
      const report = await collectedReport(db, requireActor(request), request.language, request.query);
      const name = `bao-cao-thu-phi-${report.from}-${report.to}.xlsx`;
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(name))
        .header('cache-control', 'private, no-store')
        .send(await feeReportWorkbook(report));
    },
  );
}

const FILE_FIELD = 'file';

/** The "date" field and the "file" part, in either order; the file is small and read whole. */
async function readGatewayFile(request: FastifyRequest): Promise<GatewayFileUpload> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const upload: GatewayFileUpload = { date: undefined, fileName: undefined, content: undefined };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== FILE_FIELD) {
          part.file.resume();
          continue;
        }
        upload.fileName = part.filename;
        upload.content = await part.toBuffer();
      } else if (part.fieldname === 'date' && typeof part.value === 'string') {
        upload.date = part.value;
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(GATEWAY_FILE_MAX_BYTES);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new AppError('VALIDATION_FAILED', {}, [{ path: `/${FILE_FIELD}`, message: 'Mỗi lần chỉ gửi một tệp. / Send one file at a time.' }]);
    }
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    throw error;
  }
  if (upload.content && upload.content.length > GATEWAY_FILE_MAX_BYTES) throw tooLarge(GATEWAY_FILE_MAX_BYTES);
  return upload;
}
