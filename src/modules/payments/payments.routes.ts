import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.js';
import { requireActor } from '../../platform/auth/authenticate.js';
import { DOSSIER_TAGS } from '../dossiers/dossiers.routes.js';
import { IDEMPOTENCY_HEADER, idempotencyKeyOf, sendIdempotent } from '../../platform/http/idempotent-route.js';
import { SIGNED_IN } from '../../platform/http/route-security.js';
import { DossierCodeParams } from '../dossiers/dossiers.schema.js';
import { recordCounterPayment } from './counter-payment.js';
import { handleGatewayIpn } from './gateway-ipn.js';
import { readGatewayReturn } from './gateway-return.js';
import { startOnlinePayment } from './online-payment.js';
import { getDossierPayment } from './payment-view.js';
import { CounterPaymentBody, DossierPayment, GatewayReturn, IpnAnswerSchema, OnlinePayment, PaymentIdParams, ReceiptList } from './payments.schema.js';
import { listMyReceipts, renderPaymentReceipt } from './receipts.js';
import { openSecretBox } from '../signing/secret-box.js';

const PAYMENT_TAGS = ['Thanh toán phí, lệ phí'];

/** The gateway's parameters as received: single string values only (a repeated key is not the gateway's). */
function gatewayParams(request: FastifyRequest): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string') params[key] = value;
  }
  return params;
}

// No querystring schema on the gateway's routes: a validation error would be an HTTP 400, and the gateway must
// always read an RspCode (a malformed callback is answered 97 like any other unverifiable one).
const GATEWAY_QUERY = 'Tham số vnp_* do cổng thanh toán ký (HMAC-SHA512), nguyên như cổng gửi.';

export async function paymentsRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.ctx;

  app.get(
    '/api/dossiers/:code/payment',
    { schema: { tags: [...DOSSIER_TAGS, ...PAYMENT_TAGS], security: SIGNED_IN, summary: 'Phí, lệ phí của hồ sơ: khoản phải nộp, các lần thanh toán, biên lai', params: DossierCodeParams, response: { 200: DossierPayment } } },
    async (request) => getDossierPayment(db, request.auditContext(), requireActor(request), request.params.code, config.payment),
  );

  app.post(
    '/api/dossiers/:code/payment/online',
    {
      schema: {
        tags: PAYMENT_TAGS,
        security: SIGNED_IN,
        summary: 'Bắt đầu thanh toán trực tuyến (người nộp hồ sơ): trả về địa chỉ trang thanh toán của cổng',
        description: '409 PAYMENT_NOT_DUE khi không còn khoản phải nộp; 503 PAYMENT_UNAVAILABLE khi chưa cấu hình cổng thanh toán.',
        headers: IDEMPOTENCY_HEADER,
        params: DossierCodeParams,
        response: { 201: OnlinePayment },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await startOnlinePayment(db, {
          context: request.auditContext(),
          actor: requireActor(request),
          code: request.params.code,
          language: request.language,
          ipAddr: request.ip ?? '127.0.0.1',
          idempotencyKey: idempotencyKeyOf(request),
          config,
        }),
      ),
  );

  app.post(
    '/api/dossiers/:code/payment/counter',
    {
      schema: {
        tags: PAYMENT_TAGS,
        security: SIGNED_IN,
        summary: 'Thu phí, lệ phí tại quầy (tiền mặt hoặc chuyển khoản) và cấp biên lai',
        description: '422 PAYMENT_AMOUNT_MISMATCH: không thu từng phần; chuyển khoản phải có mã giao dịch.',
        headers: IDEMPOTENCY_HEADER,
        params: DossierCodeParams,
        body: CounterPaymentBody,
        response: { 201: DossierPayment },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await recordCounterPayment(db, {
          context: request.auditContext(),
          actor: requireActor(request),
          code: request.params.code,
          body: request.body,
          language: request.language,
          idempotencyKey: idempotencyKeyOf(request),
          config,
        }),
      ),
  );

  app.get(
    '/api/payments/gateway/ipn',
    {
      config: { public: true },
      schema: {
        tags: PAYMENT_TAGS,
        summary: 'IPN: cổng thanh toán báo kết quả giao dịch (máy chủ tới máy chủ); luôn trả 200 với RspCode',
        description: GATEWAY_QUERY,
        response: { 200: IpnAnswerSchema },
      },
    },
    async (request) =>
      handleGatewayIpn(db, {
        params: gatewayParams(request),
        config,
        context: request.auditContext(),
        // The error only (no parameters): they name the dossier, and the log is no place for them.
        logError: (err, message) => request.log.error({ err }, message),
      }),
  );

  app.get(
    '/api/payments/gateway/return',
    {
      config: { public: true },
      schema: {
        tags: PAYMENT_TAGS,
        summary: 'Kết quả giao dịch khi người nộp quay lại từ cổng thanh toán (chỉ đọc, không thay đổi dữ liệu)',
        description: GATEWAY_QUERY,
        response: { 200: GatewayReturn },
      },
    },
    async (request) => readGatewayReturn(db, gatewayParams(request), config),
  );

  app.get(
    '/api/payments/:id/receipt',
    {
      schema: {
        tags: PAYMENT_TAGS,
        security: SIGNED_IN,
        summary: 'Biên lai điện tử thu phí, lệ phí (PDF)',
        params: PaymentIdParams,
        produces: ['application/pdf'],
        response: { 200: { description: 'PDF (application/pdf)', type: 'string', format: 'binary' } },
      },
    },
    async (request, reply) => {
      const { pdf, receiptNo } = await renderPaymentReceipt(db, request.auditContext(), requireActor(request), request.params.id, openSecretBox(config));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="bien-lai-${receiptNo}.pdf"`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(pdf);
    },
  );

  app.get(
    '/api/me/receipts',
    { schema: { tags: PAYMENT_TAGS, security: SIGNED_IN, summary: 'Biên lai điện tử của tôi', response: { 200: ReceiptList } } },
    async (request) => listMyReceipts(db, requireActor(request)),
  );
}
