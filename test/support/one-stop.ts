import { expect } from 'vitest';
import type { App } from '../../src/app.js';
import type { Db } from '../../src/platform/database/database.js';
import { importCatalogue } from '../../src/modules/procedures/procedures.service.js';
import { ONE_STOP_WORKFLOW } from './one-stop-workflow.js';
import { bearer, insertProvinceTree, insertUnit, insertUser, multipartBody, sampleProcedure, sessionTokenFor } from './fixtures.js';

/** A tiny but valid PDF: what a citizen's scanned document looks like to the type sniffer. */
export const SAMPLE_PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

export const ONE_STOP_PROCEDURE = '2.000488';


export { ONE_STOP_WORKFLOW };

/**
 * A province-level procedure handled by the Department of Justice and received by the service centre, with the
 * usual workflow: reception → examination → approval → returning the result (Decree 61/2018 art. 17).
 */
export function oneStopProcedure(code = ONE_STOP_PROCEDURE, overrides: Record<string, unknown> = {}) {
  return sampleProcedure(code, {
    name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
    field: 'Lý lịch tư pháp',
    level: 'province',
    competentUnitCodes: ['000.00.05.H18'],
    processingTime: { amount: 10, unit: 'working_days' },
    requirements: [
      { code: 'to_khai', name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', originals: 1, copies: 0, mandatory: true, fromDataStore: false },
      { code: 'giay_to_tuy_than', name: 'Bản chụp giấy tờ tùy thân', originals: 0, copies: 1, mandatory: false, fromDataStore: true },
    ],
    result: { type: 'electronic', name: 'Phiếu lý lịch tư pháp' },
    // Free here so the workflow tests stay about the workflow; payment tests use a procedure with a fee.
    fees: [],
    workflow: ONE_STOP_WORKFLOW,
    ...overrides,
  });
}

export interface Person {
  id: number;
  token: string;
}

export interface OneStopWorld {
  units: { province: number; justice: number; finance: number; centre: number };
  officer: Person;
  specialist: Person;
  leader: Person;
  citizen: Person;
  otherCitizen: Person;
  /** An official of another department: may see nothing of the justice dossiers. */
  outsider: Person;
  citizenIdentity: string;
}

const SYSTEM_CONTEXT = { actorId: null, actorUsername: 'test', ip: null, requestId: null };

/** Units, one account per one-stop role and the sample procedure(s), on a fresh test database. */
export async function setUpOneStop(db: Db, procedures = [oneStopProcedure()]): Promise<OneStopWorld> {
  const tree = await insertProvinceTree(db);
  const centre = await insertUnit(db, { code: '000.00.30.H18', name: 'Trung tâm Phục vụ hành chính công tỉnh', shortName: 'TTPVHCC', type: 'center', parentId: tree.province });
  const person = async (options: Parameters<typeof insertUser>[1]): Promise<Person> => {
    const user = await insertUser(db, options);
    return { id: user.id, token: await sessionTokenFor(db, user) };
  };
  const citizenIdentity = '011190004217';
  const world: OneStopWorld = {
    units: { ...tree, centre },
    officer: await person({ unitId: centre, fullName: 'Quàng Thị Mai', roles: [{ role: 'one_stop_officer', unitId: centre }] }),
    specialist: await person({ unitId: tree.justice, fullName: 'Nguyễn Thị Thu Hà', roles: [{ role: 'specialist', unitId: tree.justice, includeSubtree: true }] }),
    leader: await person({ unitId: tree.justice, fullName: 'Trần Quốc Khánh', roles: [{ role: 'agency_leader', unitId: tree.justice, includeSubtree: true }] }),
    citizen: await person({ kind: 'citizen', fullName: 'Lò Thị Thanh', identityNumber: citizenIdentity, roles: [{ role: 'citizen', unitId: null }] }),
    otherCitizen: await person({ kind: 'citizen', fullName: 'Đỗ Văn Đức', identityNumber: '011090001234', roles: [{ role: 'citizen', unitId: null }] }),
    outsider: await person({ unitId: tree.finance, fullName: 'Vì Văn Sơn', roles: [{ role: 'specialist', unitId: tree.finance, includeSubtree: true }] }),
    citizenIdentity,
  };
  await importCatalogue(db, SYSTEM_CONTEXT, 'system', procedures, 'vi');
  return world;
}

/** Uploads a file through the real endpoint and returns its id. */
export async function uploadFile(app: App, token: string, content: Buffer = SAMPLE_PDF, fileName = 'to-khai.pdf'): Promise<string> {
  const body = await multipartBody({ file: { content, fileName, type: 'application/pdf' } });
  const response = await app.inject({ method: 'POST', url: '/api/files', payload: body.payload, headers: { ...body.headers, ...bearer(token) } });
  if (response.statusCode !== 201) throw new Error(`upload: ${response.statusCode} ${response.body}`);
  return response.json().id;
}

export const VALID_FORM = { hoTen: 'Lò Thị Thanh', ngaySinh: '1990-04-12' };

/** A valid online filing of the sample procedure by `citizen`, with its mandatory attachment uploaded. */
export async function fileOnline(app: App, citizen: Person, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const fileId = await uploadFile(app, citizen.token);
  return app.inject({
    method: 'POST',
    url: '/api/dossiers',
    headers: { ...bearer(citizen.token), ...headers },
    payload: { procedureCode: ONE_STOP_PROCEDURE, channel: 'online', form: VALID_FORM, attachments: [{ requirement: 'to_khai', fileId }], ...extra },
  });
}

export function act(app: App, person: Person, code: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: `/api/dossiers/${encodeURIComponent(code)}/actions`, headers: { ...bearer(person.token), ...headers }, payload: body });
}

export async function getDossier(app: App, person: Person, code: string) {
  return app.inject({ method: 'GET', url: `/api/dossiers/${encodeURIComponent(code)}`, headers: bearer(person.token) });
}

/** Asserts an RFC 9457 problem answer and returns its body. */
export function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; body: string; json(): any }, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
  const problem = response.json();
  expect(problem.code).toBe(code);
  return problem;
}

/** The changes audited for one dossier, oldest first (officials' reads, `dossier.read`, left out). */
export async function auditActionsOf(db: Db, code: string): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_type', '=', 'dossier')
    .where('entity_id', '=', code)
    .where('action', '!=', 'dossier.read')
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

/** The code of a fresh online dossier of `citizen` (status submitted). */
export async function submittedDossier(app: App, citizen: Person): Promise<string> {
  const response = await fileOnline(app, citizen);
  if (response.statusCode !== 201) throw new Error(`filing: ${response.statusCode} ${response.body}`);
  return response.json().code;
}

async function mustAct(app: App, person: Person, code: string, body: Record<string, unknown>): Promise<void> {
  const response = await act(app, person, code, body);
  if (response.statusCode !== 200) throw new Error(`${String(body.action)}: ${response.statusCode} ${response.body}`);
}

/**
 * A fresh dossier of the world's citizen moved along the sample workflow: `received` (at tiep_nhan), `tham_dinh`
 * (with the specialist), `phe_duyet` (with the leader) or `result_ready` (approved with an electronic result).
 */
export async function dossierAt(app: App, w: OneStopWorld, stage: 'received' | 'tham_dinh' | 'phe_duyet' | 'result_ready'): Promise<string> {
  const code = await submittedDossier(app, w.citizen);
  await mustAct(app, w.officer, code, { action: 'receive' });
  if (stage === 'received') return code;
  await mustAct(app, w.officer, code, { action: 'forward' });
  if (stage === 'tham_dinh') return code;
  await mustAct(app, w.specialist, code, { action: 'forward' });
  if (stage === 'phe_duyet') return code;
  const resultFileId = await uploadFile(app, w.leader.token, undefined, 'ket-qua.pdf');
  await mustAct(app, w.leader, code, { action: 'approve', resultFileId });
  return code;
}
