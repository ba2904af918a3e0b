import Fastify, { type FastifyInstance } from 'fastify';
import { findDayNumber, localDateOf, VIETNAM_TIME_ZONE } from '../platform/calendar/local-time.js';
import {
  appendQuery,
  formatGatewayDate,
  paramsFromQuery,
  signParams,
  signResult,
  toQueryString,
  withSignature,
  type GatewayParams,
} from '../platform/payment-gateway/protocol.js';
import { dailyFileCsv } from './daily-file.js';
import { sendIpn, type IpnAnswer } from './ipn.js';
import type { SandboxMerchant } from './merchants.js';
import { errorPage, paymentPage, SCENARIOS, type Scenario } from './pages.js';
import { checkPayRequest, type PayRequest } from './pay-request.js';
import { resultOf, TransactionStore, type Outcome, type SandboxTransaction } from './transactions.js';

export interface SandboxOptions {
  merchants: readonly SandboxMerchant[];
  /** Append-only JSON lines file of the transactions; memory only when absent. */
  dataFile?: string;
}

const REDIRECT_FIRST_DELAY_MS = 1000;
const TAMPERS = ['hash', 'amount', 'merchant', 'order'] as const;
type Tamper = (typeof TAMPERS)[number];

interface SandboxIpnBody {
  txnRef: string;
  outcome: Outcome;
  copies?: number;
  tamper?: Tamper;
}

/** `HH:mm:ss dd/MM/yyyy` on the Viet Nam clock, as Vietnamese pages write it. */
function localDateTime(date: Date): string {
  const g = formatGatewayDate(date);
  return `${g.slice(8, 10)}:${g.slice(10, 12)}:${g.slice(12, 14)} ${g.slice(6, 8)}/${g.slice(4, 6)}/${g.slice(0, 4)}`;
}

function queryOf(url: string): string {
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at + 1);
}

// Each variant is signed correctly except 'hash', so the merchant's later checks (merchant, order, amount) are
// reached and can be tested one by one (payments contract: order of IPN checks).
function tampered(params: GatewayParams, tamper: Tamper | undefined, secret: string): GatewayParams {
  switch (tamper) {
    case undefined:
      return params;
    case 'hash':
      return { ...params, vnp_SecureHash: signParams(params, `${secret}-wrong`) };
    case 'amount':
      return withSignature({ ...params, vnp_Amount: String(Number(params.vnp_Amount) + 100_000) }, secret);
    case 'merchant':
      return withSignature({ ...params, vnp_TmnCode: `${params.vnp_TmnCode}X` }, secret);
    case 'order':
      return withSignature({ ...params, vnp_TxnRef: `${params.vnp_TxnRef}-UNKNOWN` }, secret);
  }
}

/** The sandbox payment gateway (cqs gateway-sandbox): a stand-in for the real gateway in demos and tests. */
export function buildSandboxApp(options: SandboxOptions): FastifyInstance {
  const app = Fastify({ logger: false });
  const store = new TransactionStore(options.dataFile);
  const lastRequests = new Map<string, PayRequest>();
  const timers = new Set<NodeJS.Timeout>();
  const merchantOf = (code: string) => options.merchants.find((m) => m.code === code)!;

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, paramsFromQuery(body as string));
  });
  app.addHook('onClose', async () => {
    for (const timer of timers) clearTimeout(timer);
  });

  async function notify(transaction: SandboxTransaction, params: GatewayParams): Promise<IpnAnswer> {
    const answer = await sendIpn(merchantOf(transaction.merchantCode).ipnUrl, params);
    transaction.ipnAnswers.push(answer);
    return answer;
  }

  app.get('/pay', async (request, reply) => {
    const query = queryOf(request.raw.url ?? '');
    const check = checkPayRequest(paramsFromQuery(query), options.merchants);
    reply.type('text/html; charset=utf-8');
    if (!check.ok) return reply.code(400).send(errorPage(check.problems));
    lastRequests.set(check.request.txnRef, check.request);
    return paymentPage({
      merchantCode: check.request.merchant.code,
      txnRef: check.request.txnRef,
      orderInfo: check.request.orderInfo,
      amountVnd: check.request.amountVnd,
      expiresAt: localDateTime(check.request.expiresAt),
      query,
    });
  });

  app.post('/pay/decide', async (request, reply) => {
    const form = (request.body ?? {}) as Record<string, string | undefined>;
    reply.type('text/html; charset=utf-8');
    const check = checkPayRequest(paramsFromQuery(form.query ?? ''), options.merchants);
    if (!check.ok) return reply.code(400).send(errorPage(check.problems));
    const outcome = form.outcome;
    const scenario = form.scenario ?? 'ipn_first';
    if (outcome !== 'approve' && outcome !== 'decline') return reply.code(400).send(errorPage(['Thiếu lựa chọn thanh toán hoặc hủy (outcome must be approve or decline)']));
    if (!(scenario in SCENARIOS)) return reply.code(400).send(errorPage([`Kịch bản không hợp lệ (unknown scenario): ${scenario}`]));
    const { merchant, txnRef, amountVnd, orderInfo, returnUrl } = check.request;
    const transaction = store.create({ merchantCode: merchant.code, txnRef, amountVnd, orderInfo, returnUrl, outcome });
    const params = signResult(resultOf(transaction), merchant.secret);
    switch (scenario as Scenario) {
      case 'ipn_first':
        await notify(transaction, params);
        break;
      case 'ipn_twice':
        await notify(transaction, params);
        await notify(transaction, params);
        break;
      case 'redirect_first': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          void notify(transaction, params);
        }, REDIRECT_FIRST_DELAY_MS);
        timers.add(timer);
        break;
      }
      case 'no_ipn':
        break;
    }
    return reply.redirect(appendQuery(returnUrl, toQueryString(params)), 302);
  });

  app.post<{ Body: SandboxIpnBody }>(
    '/sandbox/ipn',
    {
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['txnRef', 'outcome'],
          properties: {
            txnRef: { type: 'string', minLength: 1 },
            outcome: { type: 'string', enum: ['approve', 'decline'] },
            copies: { type: 'integer', minimum: 1, maximum: 100 },
            tamper: { type: 'string', enum: [...TAMPERS] },
          },
        },
      },
    },
    async (request, reply) => {
      const { txnRef, outcome, copies = 1, tamper } = request.body;
      let transaction = options.merchants.map((m) => store.findLatest(m.code, txnRef, outcome)).find((t) => t !== undefined);
      if (!transaction) {
        const last = lastRequests.get(txnRef);
        if (!last) return reply.code(404).send({ message: `Không có yêu cầu /pay nào với mã giao dịch ${txnRef} (no /pay request with this txnRef)` });
        const { merchant, amountVnd, orderInfo, returnUrl } = last;
        transaction = store.create({ merchantCode: merchant.code, txnRef, amountVnd, orderInfo, returnUrl, outcome });
      }
      const secret = merchantOf(transaction.merchantCode).secret;
      const params = tampered(signResult(resultOf(transaction), secret), tamper, secret);
      const current = transaction;
      const responses = await Promise.all(Array.from({ length: copies }, () => notify(current, params)));
      return { transactionNo: transaction.transactionNo, responses };
    },
  );

  app.get<{ Querystring: { date?: string } }>('/sandbox/transactions', async (request, reply) => {
    const date = request.query.date ?? localDateOf(new Date(), VIETNAM_TIME_ZONE);
    if (findDayNumber(date) === undefined) return reply.code(400).send({ message: `Ngày phải có dạng yyyy-MM-dd (date must be yyyy-MM-dd): ${date}` });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="giao-dich-${date}.csv"`)
      .send(dailyFileCsv(store.all(), date));
  });

  app.get('/sandbox/health', async () => ({ status: 'ok', merchants: options.merchants.map((m) => m.code), transactions: store.all().length }));

  return app;
}
