import { ancestorIds } from '../../platform/auth/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import { Permission, ROLE_CODES, ROLE_PERMISSIONS, type PermissionCode, type RoleCode } from '../../platform/auth/roles.js';
import type { Executor } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { permissionsAt } from './document-access.js';
import type { Official } from './document-people.js';

export type OfficialRight = 'sign' | 'review';

// Signers hold document.sign on the unit; reviewers are colleagues who work with its documents.
const RIGHTS: Record<OfficialRight, PermissionCode[]> = {
  sign: [Permission.DocumentSign],
  review: [Permission.DocumentRead, Permission.DocumentDraft, Permission.DocumentSign],
};
const DOCUMENT_PERMISSIONS: PermissionCode[] = [Permission.DocumentRead, Permission.DocumentDraft, Permission.DocumentRegister, Permission.DocumentAssign, Permission.DocumentSign];

const rolesWith = (permissions: PermissionCode[]): RoleCode[] =>
  ROLE_CODES.filter((role) => ROLE_PERMISSIONS[role].some((p) => permissions.includes(p)));

/**
 * The officials of a unit who may sign its documents, or review a draft there. A drafter picks the signer
 * (Decree 30/2020 art. 13: the competent person signs) and reviewers without needing the user directory
 * (user.read), which a specialist does not have; the caller needs a document right on the unit, or an open
 * assignment on one of its documents (a reply drafted by the handler).
 */
export async function listUnitOfficials(db: Executor, actor: Actor, unitId: number, right: OfficialRight): Promise<{ items: Official[] }> {
  const mine = await permissionsAt(db, actor, unitId);
  if (!DOCUMENT_PERMISSIONS.some((p) => mine.has(p)) && !(await handlesDocumentOf(db, actor.userId, unitId))) throw new AppError('FORBIDDEN');
  const chain = await ancestorIds(db, unitId);
  const rows = await db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select(['users.id', 'users.full_name', 'users.title'])
    .where('users.kind', '=', 'official')
    .where('users.status', '=', 'active')
    .where('role_grants.role', 'in', rolesWith(RIGHTS[right]))
    .where((eb) => eb.or([eb('role_grants.unit_id', '=', unitId), eb.and([eb('role_grants.include_subtree', '=', 1), eb('role_grants.unit_id', 'in', chain)])]))
    .distinct()
    .orderBy('users.full_name')
    .execute();
  return { items: rows.map((r) => ({ id: Number(r.id), fullName: r.full_name, title: r.title })) };
}

async function handlesDocumentOf(db: Executor, userId: number, unitId: number): Promise<boolean> {
  const row = await db
    .selectFrom('document_assignments')
    .innerJoin('documents', 'documents.id', 'document_assignments.document_id')
    .select('document_assignments.id')
    .where('document_assignments.user_id', '=', userId)
    .where('document_assignments.status', '=', 'open')
    .where('documents.unit_id', '=', unitId)
    .executeTakeFirst();
  return row !== undefined;
}
