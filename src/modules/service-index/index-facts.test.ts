import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer } from '../../../test/support/fixtures.js';
import { act, dossierAt, setUpOneStop, submittedDossier, uploadFile, type OneStopWorld } from '../../../test/support/one-stop.js';
import { computeServiceIndex } from './compute-service-index.js';
import { rebuildServiceIndex } from './index-facts.js';
import { moveOpenDossiers } from '../dossiers/dossier-merge.js';
import { insertUnit } from '../../../test/support/fixtures.js';
import { localToday } from './months.js';

async function must(response: Promise<{ statusCode: number; body: string }>): Promise<void> {
  const r = await response;
  if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
}

async function counters(t: TestApp) {
  const rows = await t.db.selectFrom('service_index_monthly').selectAll().orderBy('unit_id').orderBy('procedure_code').orderBy('month').execute();
  return rows
    .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === 'procedure_code' || k === 'month' ? v : Number(v)])))
    .filter((row) => Object.entries(row).some(([k, v]) => !['unit_id', 'procedure_code', 'month'].includes(k) && v !== 0));
}

async function factOf(t: TestApp, code: string) {
  const dossier = await t.db.selectFrom('dossiers').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return t.db.selectFrom('dossier_index_facts').selectAll().where('dossier_id', '=', dossier.id).executeTakeFirst();
}

describe.each(DIALECTS)('service index kept in step with dossier events on %s', (dialect) => {
  let t: TestApp;
  let w: OneStopWorld;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await setUpOneStop(t.db);
  }, 60_000);
  afterAll(async () => t?.close());

  it('updates facts and counters with every real action, rating and refusal, equal to a rebuild from scratch', async () => {
    // Returned on time with its electronic result, then rated 1 of 5 by the citizen.
    const rated = await dossierAt(t.app, w, 'result_ready');
    await must(act(t.app, w.officer, rated, { action: 'return_result' }));
    const rating = await t.app.inject({ method: 'POST', url: `/api/dossiers/${rated}/rating`, headers: bearer(w.citizen.token), payload: { score: 1 } });
    expect(rating.statusCode, rating.body).toBe(201);
    // Refused at the desk: never received.
    const refused = await submittedDossier(t.app, w.citizen);
    await must(act(t.app, w.officer, refused, { action: 'refuse_intake', reasons: ['Không thuộc thẩm quyền'] }));
    // Two supplement requests before reception: late whatever the dates (Decision 766).
    const supplemented = await submittedDossier(t.app, w.citizen);
    for (let i = 0; i < 2; i += 1) {
      await must(act(t.app, w.officer, supplemented, { action: 'request_supplement', items: ['Bản chụp giấy tờ tùy thân'] }));
      await must(act(t.app, w.citizen, supplemented, { action: 'supplement' }));
    }
    await must(act(t.app, w.officer, supplemented, { action: 'receive' }));
    await must(act(t.app, w.officer, supplemented, { action: 'forward' }));
    await must(act(t.app, w.specialist, supplemented, { action: 'forward' }));
    await must(act(t.app, w.leader, supplemented, { action: 'approve', resultFileId: await uploadFile(t.app, w.leader.token, undefined, 'ket-qua.pdf') }));
    const pending = await dossierAt(t.app, w, 'tham_dinh');

    const month = localToday().slice(0, 7);
    expect(await factOf(t, rated)).toMatchObject({ status: 'returned', received_month: month, finished_month: month, online: 1, online_counted: 1, result_electronic_expected: 1, result_electronic: 1, rating: 1, rated_negative: 1, components: 1, components_digitised: 1 });
    expect(['early', 'onTime']).toContain((await factOf(t, rated))!.timeliness);
    expect(await factOf(t, refused)).toMatchObject({ status: 'refused_intake', received_month: null, finished_month: month, timeliness: null });
    expect(await factOf(t, supplemented)).toMatchObject({ status: 'result_ready', supplement_count: 2, timeliness: 'late', late_reason: 'supplements', result_electronic_expected: 1, result_electronic: 1, online_counted: 1 });
    expect(await factOf(t, pending)).toMatchObject({ status: 'processing', finished_month: null, timeliness: null });

    const { results } = await computeServiceIndex(t.db, { unitIds: [w.units.justice], from: `${month}-01`, to: localToday(), lang: 'vi' });
    const byCode = Object.fromEntries(results[0].groups.flatMap((g) => g.indicators).map((i) => [i.code, [i.numerator, i.denominator]]));
    expect(byCode['2.1']).toEqual([1, 2]);
    expect(byCode['3.3']).toEqual([2, 3]);
    expect(byCode['5.4']).toEqual([0, 2]);
    expect(byCode['6.1']).toEqual([2, 2]);

    const incremental = await counters(t);
    await rebuildServiceIndex(t.db);
    expect(await counters(t)).toEqual(incremental);
  }, 120_000);

  it('counts the components handed in with a filing or a supplement in the same transaction, not at the next event', async () => {
    const code = await submittedDossier(t.app, w.citizen);
    const filed = await factOf(t, code);
    const components = await t.db.selectFrom('dossier_components').select('id').where('dossier_id', '=', (await t.db.selectFrom('dossiers').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id).execute();
    expect(components.length).toBeGreaterThan(0);
    expect(filed?.components).toBe(components.length);
    await must(act(t.app, w.officer, code, { action: 'request_supplement', items: ['Bản chụp giấy tờ tùy thân'] }));
    const fileId = await uploadFile(t.app, w.citizen.token, undefined, 'can-cuoc.pdf');
    await must(act(t.app, w.citizen, code, { action: 'supplement', attachments: [{ requirement: 'giay_to_tuy_than', fileId }] }));
    expect((await factOf(t, code))?.components).toBe(components.length + 1);
  });

  it('keeps the counters equal to a rebuild when many dossiers act at the same time', async () => {
    const codes = await Promise.all(Array.from({ length: 8 }, () => submittedDossier(t.app, w.citizen)));
    await Promise.all(codes.map((code) => must(act(t.app, w.officer, code, { action: 'receive' }))));
    await Promise.all(codes.map((code, i) => (i % 2 === 0 ? must(act(t.app, w.officer, code, { action: 'forward' })) : must(act(t.app, w.officer, code, { action: 'stop', reasons: ['Công dân đề nghị dừng'] })))));
    const incremental = await counters(t);
    const stopped = incremental.reduce((sum, row) => sum + Number(row.stopped), 0);
    expect(stopped).toBe(4);
    const received = incremental.filter((row) => row.unit_id === w.units.justice).reduce((sum, row) => sum + Number(row.received), 0);
    expect(received).toBe(11); // three received in the first test (the refused one never was) plus eight
    await rebuildServiceIndex(t.db);
    expect(await counters(t)).toEqual(incremental);
  }, 120_000);

  it('moves the open dossiers\' figures to the surviving unit when units merge; finished ones stay', async () => {
    const open = await dossierAt(t.app, w, 'tham_dinh');
    const survivor = await insertUnit(t.db, { code: '000.00.99.H18', name: 'Sở Tư pháp (mới)', parentId: w.units.province });
    const finishedBefore = await t.db.selectFrom('dossier_index_facts').select('dossier_id').where('unit_id', '=', w.units.justice).where('finished_month', 'is not', null).execute();
    await t.db.transaction().execute((tx) => moveOpenDossiers(tx, { mergedId: w.units.justice, survivorId: survivor, context: { actorId: null, actorUsername: 'test', ip: null, requestId: null } }));
    expect(await factOf(t, open)).toMatchObject({ unit_id: survivor });
    const finishedAfter = await t.db.selectFrom('dossier_index_facts').select('dossier_id').where('unit_id', '=', w.units.justice).where('finished_month', 'is not', null).execute();
    expect(finishedAfter).toEqual(finishedBefore);
    const stillOpen = await t.db.selectFrom('dossier_index_facts').select('dossier_id').where('unit_id', '=', w.units.justice).where('finished_month', 'is', null).execute();
    expect(stillOpen).toEqual([]);
    const incremental = await counters(t);
    expect(incremental.some((row) => row.unit_id === survivor && Number(row.received) > 0)).toBe(true);
    await rebuildServiceIndex(t.db);
    expect(await counters(t)).toEqual(incremental);
  }, 120_000);
});
