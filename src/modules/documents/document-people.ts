import { loadGrants } from '../../platform/auth/authenticate.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { PermissionCode } from '../../platform/auth/roles.js';
import type { Executor } from '../../platform/database/database.js';
import type { Language } from '../../platform/i18n/language.js';
import { invalidField } from './action-types.js';
import { permissionsAt } from './document-access.js';

const NOT_AN_OFFICIAL = { vi: 'Không tìm thấy cán bộ đang hoạt động với mã này.', en: 'No active official has this id.' } as const;
const LACKS_PERMISSION = { vi: 'Cán bộ này không có thẩm quyền tương ứng tại đơn vị.', en: 'This official does not hold the needed right at the unit.' } as const;

export interface Official {
  id: number;
  fullName: string;
  title: string | null;
}

/** Active officials by id, or 400 naming the field when one is not. */
export async function getOfficials(db: Executor, ids: number[], field: string, language: Language): Promise<Official[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db.selectFrom('users').select(['id', 'full_name', 'title', 'kind', 'status']).where('id', 'in', unique).execute();
  const found = rows.filter((r) => r.kind === 'official' && r.status === 'active');
  if (found.length !== unique.length) throw invalidField(field, NOT_AN_OFFICIAL, language);
  return unique.map((id) => {
    const r = found.find((f) => Number(f.id) === id)!;
    return { id, fullName: r.full_name, title: r.title };
  });
}

/** An official who holds `permission` on the unit (e.g. the designated signer must hold document.sign there). */
export async function getOfficialWith(db: Executor, userId: number, permission: PermissionCode, unitId: number, field: string, language: Language): Promise<Official> {
  const [official] = await getOfficials(db, [userId], field, language);
  const pseudo = { userId, grants: await loadGrants(db, userId) } as Actor;
  if (!(await permissionsAt(db, pseudo, unitId)).has(permission)) throw invalidField(field, LACKS_PERMISSION, language);
  return official;
}
