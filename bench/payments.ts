/**
 * Cashless fee payment under load (issue 5), on SQLite and PostgreSQL over HTTP, each figure as a share of the bare
 * Fastify route of the same run:
 * - IPN confirmations: dossiers of a fee procedure filed online (fee_due) with a started gateway attempt, created
 *   through the real routes before the clock starts, then one signed success IPN per order (signResult with the
 *   configured secret). Every answer must be RspCode 00 and the valid payments must grow by exactly the orders sent.
 * - Duplicate IPN storm: one order's signed IPN sent by every connection for BENCH_SECONDS; one 00, then only 02,
 *   and exactly one payment (the attempt is settled once: payments contract, "Concurrency").
 * - Fee quotes of the demo thường trú procedure (POST /api/procedures/1.004222/fee-quote, online: 10.000 đồng).
 * Results: bench-results/payments.json and .md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type App } from '../src/app.js';
import { loadConfig, type Config } from '../src/platform/config.js';
import type { Db } from '../src/platform/database/database.js';
import type { DialectName } from '../src/platform/database/dialect.js';
import { DEMO_CATALOGUE } from '../src/modules/procedures/demo-catalogue.js';
import { importCatalogue } from '../src/modules/procedures/procedures.service.js';
import { AttemptStatus, PaymentStatus } from '../src/modules/payments/payment-status.js';
import { amountFromGateway, signResult, toQueryString } from '../src/platform/payment-gateway/protocol.js';
import type { PostgresCluster } from '../test/support/postgres-cluster.js';
import { FILED_PROCEDURE, setUpBenchWorld } from './bench-world.js';
import { uploadAttachment } from './dossiers.js';
import { CONNECTIONS, DURATION_S, listen, machineLine, measure, openBenchDatabase, rowOf, rowsTable, writeResults, type Measurement, type Row } from './support.js';

const THUONG_TRU = '1.004222';
const THUONG_TRU_ONLINE_VND = 10_000;
const IPN_PATH = '/api/payments/gateway/ipn';
const MERCHANT = 'CQSBENCH';
/** BENCH_PAYMENT_ORDERS fixes the number of orders confirmed; by default sized from a warm-up to last BENCH_SECONDS. */
const FIXED_ORDERS = process.env.BENCH_PAYMENT_ORDERS ? Number(process.env.BENCH_PAYMENT_ORDERS) : undefined;

interface Order {
  dossierCode: string;
  txnRef: string;
  amountVnd: number;
}

/** RspCode → number of answers. */
type Answers = Record<string, number>;

interface DialectResult {
  database: DialectName;
  rows: Row[];
  confirmations: { orders: number; setupSeconds: number; answers: Answers; validPaymentsBefore: number; validPaymentsAfter: number; grewBy: number; consistent: boolean };
  storm: { answers: Answers; paymentsOfOrder: number; validPaymentsOfOrder: number; consistent: boolean };
}

const SYSTEM_CONTEXT = { actorId: null, actorUsername: 'bench', ip: null, requestId: null };

const countValidPayments = async (db: Db) =>
  Number((await db.selectFrom('payments').select((eb) => eb.fn.countAll().as('n')).where('status', '=', PaymentStatus.Valid).executeTakeFirstOrThrow()).n);

/** Files one online dossier of the fee procedure (fee_due) and starts paying it online, through the real routes. */
async function startedOrder(app: App, token: string, filing: object): Promise<Order> {
  const headers = { authorization: `Bearer ${token}` };
  const filed = await app.inject({ method: 'POST', url: '/api/dossiers', headers, payload: filing });
  if (filed.statusCode !== 201) throw new Error(`filing: ${filed.statusCode} ${filed.body}`);
  const { code, status } = filed.json();
  if (status !== 'fee_due') throw new Error(`filing ${code}: status ${status}, expected fee_due`);
  const started = await app.inject({ method: 'POST', url: `/api/dossiers/${encodeURIComponent(code)}/payment/online`, headers });
  if (started.statusCode !== 201) throw new Error(`start online payment ${code}: ${started.statusCode} ${started.body}`);
  const { paymentUrl, txnRef } = started.json();
  // The amount the gateway will report back is the one the platform signed into the payer's redirect.
  return { dossierCode: code, txnRef, amountVnd: amountFromGateway(new URL(paymentUrl).searchParams.get('vnp_Amount') ?? '') };
}

/** `count` started orders, CONNECTIONS at a time (setup: never inside a timed run). */
async function startedOrders(app: App, token: string, filing: object, count: number): Promise<Order[]> {
  const orders: Order[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      orders.push(await startedOrder(app, token, filing));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONNECTIONS, count) }, worker));
  return orders;
}

/** The gateway's signed success callback for an order, as the path of a GET on the IPN route. */
function ipnPath(order: Order, payment: Config['payment'], transactionNo: number): string {
  const params = signResult(
    {
      merchantCode: payment.merchantCode!,
      amountVnd: order.amountVnd,
      bankCode: 'NCB',
      bankTranNo: `VNP${transactionNo}`,
      orderInfo: `Thanh toan le phi ho so ${order.dossierCode}`,
      payDate: new Date(),
      responseCode: '00',
      transactionNo: String(transactionNo),
      transactionStatus: '00',
      txnRef: order.txnRef,
    },
    payment.hashSecret!,
  );
  return `${IPN_PATH}?${toQueryString(params)}`;
}

function tally(answers: Answers, body: unknown): void {
  let code = 'unreadable';
  try {
    code = String(JSON.parse(String(body)).RspCode);
  } catch {
    // counted as unreadable: the gateway could not read it either
  }
  answers[code] = (answers[code] ?? 0) + 1;
}

/**
 * One IPN per order, each exactly once: autocannon builds a request only when it sends it, so a shared index hands
 * every path out once, and `amount` stops the run when all are sent (all answered, all counted).
 */
async function sendIpnsOnce(base: string, paths: string[]): Promise<{ m: Measurement; answers: Answers }> {
  const answers: Answers = {};
  let next = 0;
  const m = await measure(`${base}${paths[0]}`, {
    amount: paths.length,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          if (next >= paths.length) throw new Error('more IPN requests than orders');
          return { ...request, path: paths[next++] };
        },
        onResponse: (_status, body) => tally(answers, body),
      },
    ],
  });
  return { m, answers };
}

async function benchDialect(dialect: DialectName, cluster: PostgresCluster | undefined, ceiling: number): Promise<DialectResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-bench-payments-'));
  const database = await openBenchDatabase(dialect, cluster, dataDir, 'cqs_bench_payments');
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    CQS_SEED_DEMO: 'false',
    DATA_DIR: dataDir,
    // Never contacted: the platform only signs the payer's redirect to it; the bench plays the gateway's IPN itself.
    PAYMENT_GATEWAY_URL: 'http://127.0.0.1:9/pay',
    PAYMENT_MERCHANT_CODE: MERCHANT,
    PAYMENT_HASH_SECRET: 'bi-mat-bench-cong-thanh-toan',
  });
  const app: App = await buildApp({ config, database });
  try {
    const db = database.db;
    const world = await setUpBenchWorld(db);
    await importCatalogue(db, SYSTEM_CONTEXT, 'system', DEMO_CATALOGUE.filter((p) => p.code === THUONG_TRU), 'vi');
    const base = await listen(app);
    const rows: Row[] = [];
    const token = world.citizen.token;
    const fileId = await uploadAttachment(app, token);
    const filing = { procedureCode: FILED_PROCEDURE, channel: 'online', form: { hoTen: world.citizen.fullName, ngaySinh: '1990-04-12' }, attachments: [{ requirement: 'to_khai', fileId }] };
    let transactionNo = 14_000_000;

    // Fee quotes: read-only, first, on the same database the payments then fill.
    const quoteBody = JSON.stringify({ channel: 'online', form: { nguoiYeuCauHoTen: world.citizen.fullName, diaChiThuongTru: 'Tổ dân phố 5, phường Mường Thanh', quanHeChuHo: 'Con' } });
    const quoteUrl = `/api/procedures/${THUONG_TRU}/fee-quote`;
    const sample = await app.inject({ method: 'POST', url: quoteUrl, headers: { 'content-type': 'application/json' }, payload: quoteBody });
    if (sample.statusCode !== 200 || sample.json().totalVnd !== THUONG_TRU_ONLINE_VND) throw new Error(`fee quote: ${sample.statusCode} ${sample.body}`);
    const quote = await measure(`${base}${quoteUrl}`, { method: 'POST', body: quoteBody, headers: { 'content-type': 'application/json' } });

    // IPN confirmations: a warm-up sizes the run; orders and signed callbacks are ready before the clock starts.
    const warmUpOrders = await startedOrders(app, token, filing, 10 * CONNECTIONS);
    const warmUp = await sendIpnsOnce(base, warmUpOrders.map((o) => ipnPath(o, config.payment, transactionNo++)));
    if (warmUp.answers['00'] !== warmUpOrders.length) throw new Error(`warm-up IPN answers ${JSON.stringify(warmUp.answers)}`);
    const count = FIXED_ORDERS ?? Math.max(10 * CONNECTIONS, Math.round((warmUpOrders.length / warmUp.m.seconds) * DURATION_S));
    const setupStart = performance.now();
    const orders = await startedOrders(app, token, filing, count);
    const paths = orders.map((o) => ipnPath(o, config.payment, transactionNo++));
    const setupSeconds = (performance.now() - setupStart) / 1000;
    const validBefore = await countValidPayments(db);
    const { m: confirm, answers } = await sendIpnsOnce(base, paths);
    const validAfter = await countValidPayments(db);
    const succeeded = Number(
      (await db.selectFrom('payment_attempts').select((eb) => eb.fn.countAll().as('n')).where('status', '=', AttemptStatus.Succeeded).executeTakeFirstOrThrow()).n,
    );
    const confirmations = {
      orders: count,
      setupSeconds: Math.round(setupSeconds * 10) / 10,
      answers,
      validPaymentsBefore: validBefore,
      validPaymentsAfter: validAfter,
      grewBy: validAfter - validBefore,
      consistent: answers['00'] === count && Object.keys(answers).length === 1 && validAfter - validBefore === count && succeeded === warmUpOrders.length + count,
    };
    console.log(`${dialect.padEnd(8)} set up ${count} started orders in ${confirmations.setupSeconds} s (not timed)`);
    rows.push(rowOf('GET /api/payments/gateway/ipn (success, once per order)', dialect, confirm, ceiling));
    console.log(`${dialect.padEnd(8)} ${Math.round(count / confirm.seconds)} confirmed payments/s, p50 ${confirm.p50} ms, p99 ${confirm.p99} ms`);
    console.log(`${dialect.padEnd(8)} IPN answers ${JSON.stringify(answers)}; valid payments ${validBefore} → ${validAfter} (grew by ${validAfter - validBefore}, orders ${count})`);

    // The storm: one order, its one signed callback, every connection repeating it.
    const [stormOrder] = await startedOrders(app, token, filing, 1);
    const stormPath = ipnPath(stormOrder, config.payment, transactionNo++);
    const stormAnswers: Answers = {};
    const storm = await measure(`${base}${stormPath}`, { requests: [{ method: 'GET', onResponse: (_status, body) => tally(stormAnswers, body) }] });
    rows.push(rowOf('GET /api/payments/gateway/ipn (same IPN, every connection)', dialect, storm, ceiling));
    const stormPayments = await db
      .selectFrom('payments')
      .innerJoin('payment_attempts', 'payment_attempts.id', 'payments.attempt_id')
      .select('payments.status')
      .where('payment_attempts.txn_ref', '=', stormOrder.txnRef)
      .execute();
    const stormTotal = Object.values(stormAnswers).reduce((a, b) => a + b, 0);
    const stormResult = {
      answers: stormAnswers,
      paymentsOfOrder: stormPayments.length,
      validPaymentsOfOrder: stormPayments.filter((p) => p.status === PaymentStatus.Valid).length,
      consistent: stormAnswers['00'] === 1 && stormAnswers['02'] === stormTotal - 1 && stormPayments.length === 1 && stormPayments[0].status === PaymentStatus.Valid,
    };
    console.log(`${dialect.padEnd(8)} storm answers ${JSON.stringify(stormAnswers)}; payments of the order ${stormResult.paymentsOfOrder} (valid ${stormResult.validPaymentsOfOrder})`);

    rows.push(rowOf(`POST /api/procedures/${THUONG_TRU}/fee-quote (online)`, dialect, quote, ceiling));
    return { database: dialect, rows, confirmations, storm: stormResult };
  } finally {
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const answersText = (answers: Answers) =>
  Object.entries(answers)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${n} × ${code}`)
    .join(', ');

function markdownOf(ceiling: Row, results: DialectResult[], machine: string): string {
  return [
    `Payment benchmark ${new Date().toISOString()} — ${machine}; ${CONNECTIONS} connections, ${DURATION_S} s per scenario (the IPN confirmations: a fixed number of orders sized to about that)`,
    '',
    ...rowsTable([ceiling, ...results.flatMap((r) => r.rows)]),
    '',
    '| database | orders (set up untimed) | setup s | IPN answers | valid payments before → after | grew by | consistent |',
    '|---|---:|---:|---|---|---:|---|',
    ...results.map(
      (r) =>
        `| ${r.database} | ${r.confirmations.orders} | ${r.confirmations.setupSeconds} | ${answersText(r.confirmations.answers)} | ${r.confirmations.validPaymentsBefore} → ${r.confirmations.validPaymentsAfter} | ${r.confirmations.grewBy} | ${r.confirmations.consistent ? 'yes' : 'NO'} |`,
    ),
    '',
    '| database | storm answers | payments of the order | valid | consistent |',
    '|---|---|---:|---:|---|',
    ...results.map((r) => `| ${r.database} | ${answersText(r.storm.answers)} | ${r.storm.paymentsOfOrder} | ${r.storm.validPaymentsOfOrder} | ${r.storm.consistent ? 'yes' : 'NO'} |`),
  ].join('\n');
}

export async function benchPayments(ceiling: Row, cluster: PostgresCluster): Promise<void> {
  const results = [await benchDialect('sqlite', undefined, ceiling.requestsPerSecond), await benchDialect('postgres', cluster, ceiling.requestsPerSecond)];
  const machine = machineLine();
  writeResults('payments', { machine, connections: CONNECTIONS, durationSeconds: DURATION_S, ceiling, results }, markdownOf(ceiling, results, machine));
  const failed = results.flatMap((r) => [
    ...(r.confirmations.consistent ? [] : [`${r.database}: IPN answers or valid payments do not match the ${r.confirmations.orders} orders`]),
    ...(r.storm.consistent ? [] : [`${r.database}: the duplicate storm did not give one 00, only 02 after it, and one valid payment`]),
  ]);
  if (failed.length > 0) throw new Error(failed.join('; '));
}
