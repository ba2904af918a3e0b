import type { Executor } from '../../platform/database/database.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import type { Language } from '../../platform/i18n/language.js';
import type { Performer } from './performer.js';
import { assertMayGrant, roleFitsKind } from './user-access.js';
import type { GrantInput } from './users.schema.js';

const MESSAGES = {
  unitMissing: { vi: 'Đơn vị không tồn tại.', en: 'The unit does not exist.' },
  unitMerged: { vi: 'Đơn vị đã được sáp nhập.', en: 'The unit has been merged.' },
  unitRequired: { vi: 'Vai trò cán bộ phải gắn với một đơn vị.', en: 'An official role needs a unit.' },
  roleKind: {
    vi: 'Vai trò không phù hợp với loại tài khoản (công dân chỉ có vai trò công dân).',
    en: 'The role does not fit the account kind (citizens hold only the citizen role).',
  },
  duplicate: { vi: 'Vai trò này đã có trong danh sách.', en: 'This role is listed twice.' },
} as const;

const keyOf = (g: GrantInput) => `${g.role}|${g.unitId}|${g.includeSubtree ? 1 : 0}`;

/** Normalises and checks a list of grants for an account of `kind`: shape first (400), then escalation (403). */
export async function checkGrants(
  db: Executor,
  performer: Performer,
  kind: string,
  grants: GrantInput[],
  language: Language,
  pathPrefix = '/roles',
): Promise<GrantInput[]> {
  const normalised = grants.map((g) => ({ role: g.role, unitId: g.unitId, includeSubtree: g.includeSubtree ?? false }));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const [i, grant] of normalised.entries()) {
    if (!roleFitsKind(grant.role, kind)) errors.push({ path: `${pathPrefix}/${i}/role`, message: MESSAGES.roleKind[language] });
    if (seen.has(keyOf(grant))) errors.push({ path: `${pathPrefix}/${i}`, message: MESSAGES.duplicate[language] });
    seen.add(keyOf(grant));
    if (grant.unitId === null) {
      if (grant.role !== 'citizen') errors.push({ path: `${pathPrefix}/${i}/unitId`, message: MESSAGES.unitRequired[language] });
      continue;
    }
    const unit = await db.selectFrom('units').select('status').where('id', '=', grant.unitId).executeTakeFirst();
    if (!unit) errors.push({ path: `${pathPrefix}/${i}/unitId`, message: MESSAGES.unitMissing[language] });
    else if (unit.status !== 'active') errors.push({ path: `${pathPrefix}/${i}/unitId`, message: MESSAGES.unitMerged[language] });
  }
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
  for (const grant of normalised) await assertMayGrant(db, performer, grant);
  return normalised;
}

export function sameGrant(a: GrantInput, b: GrantInput): boolean {
  return keyOf(a) === keyOf(b);
}
