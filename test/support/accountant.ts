import type { Db } from '../../src/platform/database/database.js';
import { insertProvinceTree, insertUnit, insertUser, sessionTokenFor } from './fixtures.js';

export interface AccountantWorld {
  units: { province: number; justice: number; finance: number; centre: number };
  /** Kế toán of the service centre (and its subtree): reconciles and reports the centre's receipts. */
  accountant: string;
  /** Kế toán of the Department of Finance: another unit's money is none of theirs. */
  financeAccountant: string;
  /** Lãnh đạo of the whole province: reports only. */
  provinceLeader: string;
  specialist: string;
}

/** Units and tokens for the accountant's side of payments (the service centre issues the receipts). */
export async function setUpAccountants(db: Db): Promise<AccountantWorld> {
  const tree = await insertProvinceTree(db);
  const centre = await insertUnit(db, {
    code: '000.00.30.H18',
    name: 'Trung tâm Phục vụ hành chính công tỉnh',
    shortName: 'TTPVHCC',
    type: 'center',
    parentId: tree.province,
  });
  const token = async (options: Parameters<typeof insertUser>[1]) => sessionTokenFor(db, await insertUser(db, options));
  return {
    units: { ...tree, centre },
    accountant: await token({ unitId: centre, fullName: 'Lường Thị Kim', roles: [{ role: 'accountant', unitId: centre, includeSubtree: true }] }),
    financeAccountant: await token({ unitId: tree.finance, fullName: 'Cầm Văn Nam', roles: [{ role: 'accountant', unitId: tree.finance }] }),
    provinceLeader: await token({
      unitId: tree.province,
      fullName: 'Mùa A Páo',
      roles: [{ role: 'agency_leader', unitId: tree.province, includeSubtree: true }],
    }),
    specialist: await token({ unitId: tree.justice, fullName: 'Nguyễn Thị Thu Hà', roles: [{ role: 'specialist', unitId: tree.justice, includeSubtree: true }] }),
  };
}

export const GATEWAY_HEADER = 'txn_ref,transaction_no,amount_vnd,bank_code,pay_date,status';

/** One line of the gateway's daily file. */
export function gatewayLine(txnRef: string, amountVnd: number | string, payDate: string, status = '00', transactionNo = '14123456'): string {
  return [txnRef, transactionNo, amountVnd, 'NCB', payDate, status].join(',');
}

export const gatewayFile = (...lines: string[]) => Buffer.from([GATEWAY_HEADER, ...lines].join('\r\n') + '\r\n');
