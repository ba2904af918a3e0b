import type { App } from '../../src/app.js';
import { bearer } from './fixtures.js';
import { oneStopProcedure, uploadFile, VALID_FORM, type Person } from './one-stop.js';

/** A procedure with a fee: 20.000 đồng, halved when filed online (payments contract, like thường trú). */
export const FEE_PROCEDURE = '2.000999';
export const FEE_VND = 20_000;
export const ONLINE_FEE_VND = 10_000;

export function feeProcedure(code = FEE_PROCEDURE) {
  return oneStopProcedure(code, {
    name: 'Cấp bản sao trích lục hộ tịch',
    fees: [{ code: 'le_phi', name: 'Lệ phí cấp bản sao trích lục', amountVnd: FEE_VND }],
    feeReductions: [{ code: 'truc_tuyen', name: 'Nộp hồ sơ trực tuyến', percent: 50, when: { channel: 'online' } }],
  });
}

/** An online filing of the fee procedure by `citizen` (status fee_due). */
export async function fileWithFee(app: App, citizen: Person, code = FEE_PROCEDURE) {
  const fileId = await uploadFile(app, citizen.token);
  return app.inject({
    method: 'POST',
    url: '/api/dossiers',
    headers: bearer(citizen.token),
    payload: { procedureCode: code, channel: 'online', form: VALID_FORM, attachments: [{ requirement: 'to_khai', fileId }] },
  });
}

export async function feeDueDossier(app: App, citizen: Person, code = FEE_PROCEDURE): Promise<string> {
  const response = await fileWithFee(app, citizen, code);
  if (response.statusCode !== 201) throw new Error(`filing: ${response.statusCode} ${response.body}`);
  return response.json().code;
}

export const COUNTER_APPLICANT = { fullName: 'Giàng A Páo', identityNumber: '011088002345', address: 'Xã Mường Phăng, tỉnh Điện Biên' };

export function fileAtCounter(app: App, officer: Person, extra: Record<string, unknown> = {}, code = FEE_PROCEDURE) {
  return app.inject({
    method: 'POST',
    url: '/api/dossiers',
    headers: bearer(officer.token),
    payload: { procedureCode: code, channel: 'counter', applicant: COUNTER_APPLICANT, form: { hoTen: 'Giàng A Páo', ngaySinh: '1988-02-03' }, attachments: [], ...extra },
  });
}

export function payAtCounter(app: App, person: Person, code: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: `/api/dossiers/${encodeURIComponent(code)}/payment/counter`, headers: { ...bearer(person.token), ...headers }, payload: body });
}

export function getPayment(app: App, person: Person, code: string) {
  return app.inject({ method: 'GET', url: `/api/dossiers/${encodeURIComponent(code)}/payment`, headers: bearer(person.token) });
}

export function startOnline(app: App, person: Person, code: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: `/api/dossiers/${encodeURIComponent(code)}/payment/online`, headers: { ...bearer(person.token), ...headers } });
}
