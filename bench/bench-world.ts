/**
 * The province the dossier bench runs in: the usual test tree (province, Sở Tư pháp, Sở Tài chính), the public
 * administration service centre, three communes, four procedures (two province-level ones received by the centre,
 * two commune-level ones received by each commune), a one-stop officer and the citizen who files online.
 */
import type { Db } from '../src/platform/database/database.js';
import { SessionKind, createSession } from '../src/platform/auth/sessions.js';
import { importCatalogue } from '../src/modules/procedures/procedures.service.js';
import { insertProvinceTree, insertUnit, insertUser, sampleProcedure } from '../test/support/fixtures.js';
import { ONE_STOP_WORKFLOW } from '../test/support/one-stop-workflow.js';

export const FILED_PROCEDURE = '2.000488';


const COMMUNES = [
  { code: '000.20.01.H18', name: 'UBND phường Mường Thanh' },
  { code: '000.20.02.H18', name: 'UBND xã Thanh Nưa' },
  { code: '000.20.03.H18', name: 'UBND xã Mường Phăng' },
];

function procedures() {
  const communeCodes = COMMUNES.map((c) => c.code);
  const provinceLevel = (code: string, name: string, field: string, unitCode: string) =>
    sampleProcedure(code, {
      name,
      field,
      level: 'province',
      competentUnitCodes: [unitCode],
      processingTime: { amount: 10, unit: 'working_days' },
      requirements: [
        { code: 'to_khai', name: 'Tờ khai theo mẫu', originals: 1, copies: 0, mandatory: true, fromDataStore: false },
        { code: 'giay_to_tuy_than', name: 'Bản chụp giấy tờ tùy thân', originals: 0, copies: 1, mandatory: false, fromDataStore: true },
      ],
      result: { type: 'electronic', name },
      workflow: ONE_STOP_WORKFLOW,
    });
  return [
    provinceLevel(FILED_PROCEDURE, 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', 'Lý lịch tư pháp', '000.00.05.H18'),
    provinceLevel('2.001006', 'Cấp giấy chứng nhận đăng ký mã số đơn vị có quan hệ với ngân sách', 'Tài chính', '000.00.07.H18'),
    sampleProcedure('1.001193', { name: 'Đăng ký khai sinh', field: 'Hộ tịch', competentUnitCodes: communeCodes }),
    sampleProcedure('2.000815', { name: 'Chứng thực bản sao từ bản chính', field: 'Chứng thực', competentUnitCodes: communeCodes }),
  ];
}

export interface BenchWorld {
  centre: number;
  communes: number[];
  officer: { id: number; fullName: string };
  citizen: { id: number; fullName: string; token: string };
}

const SYSTEM_CONTEXT = { actorId: null, actorUsername: 'bench', ip: null, requestId: null };

export async function setUpBenchWorld(db: Db): Promise<BenchWorld> {
  const tree = await insertProvinceTree(db);
  const centre = await insertUnit(db, { code: '000.00.30.H18', name: 'Trung tâm Phục vụ hành chính công tỉnh', shortName: 'TTPVHCC', type: 'center', parentId: tree.province });
  const communes: number[] = [];
  for (const c of COMMUNES) communes.push(await insertUnit(db, { ...c, type: 'commune', parentId: tree.province }));
  const officerName = 'Quàng Thị Mai';
  const officer = await insertUser(db, { unitId: centre, fullName: officerName, roles: [{ role: 'one_stop_officer', unitId: centre }] });
  const citizenName = 'Lò Thị Thanh';
  const citizen = await insertUser(db, { kind: 'citizen', fullName: citizenName, identityNumber: '011190004217', roles: [{ role: 'citizen', unitId: null }] });
  const session = await createSession(db, { userId: citizen.id, kind: SessionKind.Token, mfaVerified: true, ip: null, userAgent: null, ttlMs: 3_600_000 });
  await importCatalogue(db, SYSTEM_CONTEXT, 'system', procedures(), 'vi');
  return { centre, communes, officer: { id: officer.id, fullName: officerName }, citizen: { id: citizen.id, fullName: citizenName, token: session.secret } };
}
