import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertPayment, multipartBody } from '../../../test/support/fixtures.js';
import { expectProblem } from '../../../test/support/one-stop.js';
import { gatewayFile, gatewayLine, setUpAccountants, type AccountantWorld } from '../../../test/support/accountant.js';

const DAY = '2026-11-20';
/** Local (UTC+7) wall-clock time on DAY as a stored UTC instant. */
const localTime = (hhmm: string, date = DAY) => new Date(`${date}T${hhmm}:00+07:00`).toISOString();

describe.each(DIALECTS)('daily reconciliation with the gateway on %s', (dialect) => {
  let t: TestApp;
  let w: AccountantWorld;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await setUpAccountants(t.db);
  });
  afterAll(async () => t?.close());

  const upload = async (token: string | undefined, parts: Parameters<typeof multipartBody>[0]) => {
    const body = await multipartBody(parts);
    return t.app.inject({
      method: 'POST',
      url: '/api/payments/reconciliations',
      payload: body.payload,
      headers: { ...body.headers, ...(token ? bearer(token) : {}) },
    });
  };
  const csv = (content: Buffer) => ({ content, fileName: `giao-dich-${DAY}.csv`, type: 'text/csv' });

  it('reports exactly the missing, the extra and the mismatched transaction, nothing for the matched ones', async () => {
    const centre = w.units.centre;
    const matched = await insertPayment(t.db, { unitId: centre, amountVnd: 20000, paidAt: localTime('09:15') });
    // 23:30 local is 16:30 UTC the same day: still DAY for the accountant.
    const lateEvening = await insertPayment(t.db, { unitId: centre, amountVnd: 10000, paidAt: localTime('23:30') });
    const mismatched = await insertPayment(t.db, { unitId: centre, amountVnd: 30000, paidAt: localTime('10:00') });
    const notAtGateway = await insertPayment(t.db, { unitId: centre, amountVnd: 15000, paidAt: localTime('11:00') });
    // 00:10 local on the next day is still DAY in UTC: it belongs to the next day's file.
    await insertPayment(t.db, { unitId: centre, amountVnd: 12000, paidAt: localTime('00:10', '2026-11-21') });
    await insertPayment(t.db, { unitId: centre, amountVnd: 8000, paidAt: localTime('09:00'), channel: 'cash' });
    // The Department of Finance's receipts are its own accountant's to reconcile.
    const financeInFile = await insertPayment(t.db, { unitId: w.units.finance, amountVnd: 5000, paidAt: localTime('14:00') });
    await insertPayment(t.db, { unitId: w.units.finance, amountVnd: 6000, paidAt: localTime('15:00') });

    const file = gatewayFile(
      gatewayLine(matched.txnRef!, 20000, '20261120091502'),
      gatewayLine(lateEvening.txnRef!, 10000, '20261120233010'),
      gatewayLine(mismatched.txnRef!, 3000, '20261120100001'),
      gatewayLine('KHONG-CO-TREN-HE-THONG-1', 25000, '20261120120000'),
      gatewayLine(financeInFile.txnRef!, 5000, '20261120140000'),
      gatewayLine('THAT-BAI-1', 40000, '20261120130000', '02'),
      gatewayLine('NGAY-KHAC-1', 40000, '20261119235959'),
    );
    const response = await upload(w.accountant, { date: DAY, file: csv(file) });
    expect(response.statusCode, response.body).toBe(201);
    const run = response.json();
    expect(run).toMatchObject({ gatewayDate: DAY, gatewayRows: 5, platformRows: 4, matched: 2, openItems: 3, totalItems: 3 });
    const items = run.items.map((i: any) => ({
      kind: i.kind,
      txnRef: i.txnRef,
      gatewayAmountVnd: i.gatewayAmountVnd,
      platformAmountVnd: i.platformAmountVnd,
      paymentId: i.paymentId,
    }));
    expect(items).toHaveLength(3);
    expect(items).toEqual(
      expect.arrayContaining([
        { kind: 'amount_mismatch', txnRef: mismatched.txnRef, gatewayAmountVnd: 3000, platformAmountVnd: 30000, paymentId: mismatched.paymentId },
        { kind: 'missing_on_platform', txnRef: 'KHONG-CO-TREN-HE-THONG-1', gatewayAmountVnd: 25000, platformAmountVnd: null, paymentId: null },
        { kind: 'missing_at_gateway', txnRef: notAtGateway.txnRef, gatewayAmountVnd: null, platformAmountVnd: 15000, paymentId: notAtGateway.paymentId },
      ]),
    );
    expect(run.items.find((i: any) => i.kind === 'missing_on_platform').gatewayRow).toMatchObject({ amount_vnd: '25000', pay_date: '20261120120000' });

    const stored = await t.db.selectFrom('reconciliation_items').selectAll().where('run_id', '=', run.id).execute();
    expect(stored.map((i) => i.status)).toEqual(['open', 'open', 'open']);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'payment.reconcile').where('entity_id', '=', String(run.id)).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].summary)).toMatchObject({ gatewayDate: DAY, matched: 2, missingOnPlatform: 1, missingAtGateway: 1, amountMismatch: 1 });

    const listed = await t.app.inject({ method: 'GET', url: '/api/payments/reconciliations', headers: bearer(w.accountant) });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items[0]).toMatchObject({ id: run.id, openItems: 3, importedBy: 'Lường Thị Kim' });
    const detail = await t.app.inject({ method: 'GET', url: `/api/payments/reconciliations/${run.id}`, headers: bearer(w.accountant) });
    expect(detail.json().items).toHaveLength(3);
  });

  it('resolves an item once with a note (audited); resolving it again is 409', async () => {
    const payment = await insertPayment(t.db, { unitId: w.units.centre, amountVnd: 9000, paidAt: localTime('08:00', '2026-11-22') });
    const run = (await upload(w.accountant, { date: '2026-11-22', file: csv(gatewayFile()) })).json();
    expect(run.items).toHaveLength(1);
    const item = run.items[0];
    expect(item).toMatchObject({ kind: 'missing_at_gateway', paymentId: payment.paymentId, status: 'open' });

    const resolve = (token: string, body: unknown) =>
      t.app.inject({ method: 'POST', url: `/api/payments/reconciliation-items/${item.id}/resolve`, headers: bearer(token), payload: body as any });
    expectProblem(await resolve(w.accountant, { note: '' }), 400, 'VALIDATION_FAILED');
    const first = await resolve(w.accountant, { note: 'Cổng xác nhận giao dịch ghi nhận sang ngày 23/11.' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'resolved', resolutionNote: 'Cổng xác nhận giao dịch ghi nhận sang ngày 23/11.', resolvedBy: 'Lường Thị Kim' });
    const again = expectProblem(await resolve(w.accountant, { note: 'Lần hai' }), 409, 'RECONCILIATION_ITEM_RESOLVED');
    expect(again.detail ?? again.title).toBeTruthy();
    const stored = await t.db.selectFrom('reconciliation_items').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(stored.resolution_note).toBe('Cổng xác nhận giao dịch ghi nhận sang ngày 23/11.');
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'reconciliation_item').where('entity_id', '=', String(item.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['payment.reconcile_resolve']);
    expectProblem(await resolve(w.accountant, { note: 'x', extra: 1 }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/payments/reconciliation-items/999999/resolve', headers: bearer(w.accountant), payload: { note: 'x' } }),
      404,
      'NOT_FOUND',
    );
  });

  it('refuses a bad file with the row and column of each problem, and stores nothing', async () => {
    const before = await t.db.selectFrom('reconciliation_runs').select('id').execute();
    const file = gatewayFile(
      gatewayLine('OK-1', 10000, '20261120091502'),
      gatewayLine('OK-2', '10.5', '20261120091502'),
      gatewayLine('', -5, '2026-11-20', '01'),
      'OK-3,1,2',
      gatewayLine('OK-1', 10000, '20261120250000'),
    );
    const problem = expectProblem(await upload(w.accountant, { date: DAY, file: csv(file) }), 400, 'VALIDATION_FAILED');
    expect(problem.errors.map((e: any) => e.path)).toEqual([
      '/file/row/2/amount_vnd',
      '/file/row/3/txn_ref',
      '/file/row/3/amount_vnd',
      '/file/row/3/pay_date',
      '/file/row/3/status',
      '/file/row/4',
      '/file/row/5/txn_ref',
      '/file/row/5/pay_date',
    ]);
    expect(problem.errors[0].message).toContain('Dòng 2');

    const badHeader = expectProblem(
      await upload(w.accountant, { date: DAY, file: csv(Buffer.from('ref,amount\nA,1\n')) }),
      400,
      'VALIDATION_FAILED',
    );
    expect(badHeader.errors.map((e: any) => e.path)).toEqual(['/file/header']);
    const notCsv = expectProblem(await upload(w.accountant, { date: DAY, file: csv(Buffer.from('txn_ref,"unclosed\n')) }), 400, 'VALIDATION_FAILED');
    expect(notCsv.errors.map((e: any) => e.path)).toEqual(['/file']);
    const noDate = expectProblem(await upload(w.accountant, { file: csv(gatewayFile()) }), 400, 'VALIDATION_FAILED');
    expect(noDate.errors.map((e: any) => e.path)).toEqual(['/date']);
    const badDate = expectProblem(await upload(w.accountant, { date: '2026-02-30', file: csv(gatewayFile()) }), 400, 'VALIDATION_FAILED');
    expect(badDate.errors.map((e: any) => e.path)).toEqual(['/date']);
    const noFile = expectProblem(await upload(w.accountant, { date: DAY }), 400, 'VALIDATION_FAILED');
    expect(noFile.errors.map((e: any) => e.path)).toEqual(['/file']);
    const tooBig = Buffer.concat([gatewayFile(), Buffer.alloc(5 * 1024 * 1024, 0x20)]);
    expectProblem(await upload(w.accountant, { date: DAY, file: csv(tooBig) }), 413, 'FILE_TOO_LARGE');
    const json = await t.app.inject({ method: 'POST', url: '/api/payments/reconciliations', headers: bearer(w.accountant), payload: { date: DAY } });
    expectProblem(json, 415, 'UNSUPPORTED_MEDIA_TYPE');

    const after = await t.db.selectFrom('reconciliation_runs').select('id').execute();
    expect(after).toHaveLength(before.length);
  });

  it('is for accountants only: 401 anonymous, 403 for a specialist or a leader who only reads reports', async () => {
    const file = { date: DAY, file: csv(gatewayFile()) };
    expectProblem(await upload(undefined, file), 401, 'UNAUTHENTICATED');
    expectProblem(await upload(w.specialist, file), 403, 'FORBIDDEN');
    expectProblem(await upload(w.provinceLeader, file), 403, 'FORBIDDEN');
    for (const url of ['/api/payments/reconciliations', '/api/payments/reconciliations/1']) {
      expectProblem(await t.app.inject({ method: 'GET', url }), 401, 'UNAUTHENTICATED');
      expectProblem(await t.app.inject({ method: 'GET', url, headers: bearer(w.specialist) }), 403, 'FORBIDDEN');
    }
    const resolve = { method: 'POST' as const, url: '/api/payments/reconciliation-items/1/resolve', payload: { note: 'x' } };
    expectProblem(await t.app.inject(resolve), 401, 'UNAUTHENTICATED');
    expectProblem(await t.app.inject({ ...resolve, headers: bearer(w.specialist) }), 403, 'FORBIDDEN');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/payments/reconciliations/abc', headers: bearer(w.accountant) }), 400, 'VALIDATION_FAILED');
  });

  it("hides another unit's differences from an accountant whose grants do not cover it", async () => {
    const payment = await insertPayment(t.db, { unitId: w.units.centre, amountVnd: 7000, paidAt: localTime('08:00', '2026-11-24') });
    const run = (await upload(w.accountant, { date: '2026-11-24', file: csv(gatewayFile()) })).json();
    const item = run.items.find((i: any) => i.paymentId === payment.paymentId);
    expect(item).toBeDefined();
    const seen = await t.app.inject({ method: 'GET', url: `/api/payments/reconciliations/${run.id}`, headers: bearer(w.financeAccountant) });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items.map((i: any) => i.id)).not.toContain(item.id);
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: `/api/payments/reconciliation-items/${item.id}/resolve`,
        headers: bearer(w.financeAccountant),
        payload: { note: 'x' },
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('documents the accountant routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/payments/reconciliations',
      '/api/payments/reconciliations/{id}',
      '/api/payments/reconciliation-items/{id}/resolve',
      '/api/payments/{id}',
      '/api/payments/{id}/refunds',
      '/api/payments/reports/collected',
      '/api/payments/reports/collected.xlsx',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    expect(doc.paths['/api/payments/reconciliations'].post.description).toContain('txn_ref,transaction_no,amount_vnd,bank_code,pay_date,status');
  });
});
