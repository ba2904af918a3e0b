import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { ancestorIds, permittedUnits } from '../../platform/auth/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import { Permission, ROLE_PERMISSIONS, type PermissionCode } from '../../platform/auth/roles.js';
import type { Executor } from '../../platform/database/database.js';
import type { DocumentRow, Schema } from '../../platform/database/schema.js';
import { isConfidential } from './document-vocabulary.js';

/** What the caller is to one document: permissions on its unit and how they are involved in it. */
export interface DocumentViewer {
  actor: Actor;
  /** Holds the permission on the document's unit (a direct grant, or a subtree grant on an ancestor). */
  can(permission: PermissionCode): boolean;
  isCreator: boolean;
  isSigner: boolean;
  /** Open assignment of an incoming document: lead or coordinator. */
  openAssignment: 'lead' | 'coordinator' | undefined;
  isAssignee: boolean;
  pendingReview: boolean;
  isReviewer: boolean;
  hasGrant: boolean;
  mayRead: boolean;
}

/** Permissions the actor holds on a unit, from their role grants (subtree grants reach down the tree). */
export async function permissionsAt(db: Executor, actor: Actor, unitId: number): Promise<Set<PermissionCode>> {
  const chain = actor.grants.some((g) => g.includeSubtree && g.unitId !== null) ? await ancestorIds(db, unitId) : [unitId];
  const permissions = new Set<PermissionCode>();
  for (const grant of actor.grants) {
    if (grant.unitId === unitId || (grant.includeSubtree && grant.unitId !== null && chain.includes(grant.unitId))) {
      for (const p of ROLE_PERMISSIONS[grant.role] ?? []) permissions.add(p);
    }
  }
  return permissions;
}

/**
 * The read rule of the contract: the unit's readers see its non-confidential documents, the involved (assignee,
 * reviewer, designated signer, creator, grant holder) see theirs; a confidential document only its grant holders.
 */
export async function viewDocument(db: Executor, actor: Actor, row: DocumentRow): Promise<DocumentViewer> {
  const [permissions, assignments, reviews, grant] = await Promise.all([
    permissionsAt(db, actor, Number(row.unit_id)),
    db.selectFrom('document_assignments').select(['role', 'status']).where('document_id', '=', row.id).where('user_id', '=', actor.userId).execute(),
    db.selectFrom('document_reviews').select(['status']).where('document_id', '=', row.id).where('reviewer_id', '=', actor.userId).execute(),
    db.selectFrom('document_access').select('user_id').where('document_id', '=', row.id).where('user_id', '=', actor.userId).executeTakeFirst(),
  ]);
  const open = assignments.filter((a) => a.status === 'open');
  const openAssignment = open.some((a) => a.role === 'lead') ? 'lead' : open.length > 0 ? 'coordinator' : undefined;
  const isCreator = row.created_by !== null && Number(row.created_by) === actor.userId;
  const isSigner = row.signer_user_id !== null && Number(row.signer_user_id) === actor.userId;
  const isAssignee = assignments.length > 0;
  const isReviewer = reviews.length > 0;
  const hasGrant = grant !== undefined;
  const involved = isCreator || isSigner || isAssignee || isReviewer || hasGrant;
  const mayRead = isConfidential(row.confidentiality) ? hasGrant : permissions.has(Permission.DocumentRead) || involved;
  return {
    actor,
    can: (permission) => permissions.has(permission),
    isCreator,
    isSigner,
    openAssignment,
    isAssignee,
    pendingReview: reviews.some((r) => r.status === 'pending'),
    isReviewer,
    hasGrant,
    mayRead,
  };
}

/**
 * The same rule as a query condition, for lists: never a confidential document without a grant.
 */
export async function visibleCondition(db: Executor, actor: Actor): Promise<(eb: ExpressionBuilder<Schema, 'documents'>) => Expression<SqlBool>> {
  const scope = await permittedUnits(db, actor, Permission.DocumentRead);
  const userId = actor.userId;
  return (eb) => {
    const granted = eb('documents.id', 'in', eb.selectFrom('document_access').select('document_id').where('user_id', '=', userId));
    const involved: Expression<SqlBool>[] = [
      eb('documents.created_by', '=', userId),
      eb('documents.signer_user_id', '=', userId),
      eb('documents.id', 'in', eb.selectFrom('document_assignments').select('document_id').where('user_id', '=', userId)),
      eb('documents.id', 'in', eb.selectFrom('document_reviews').select('document_id').where('reviewer_id', '=', userId)),
    ];
    if (scope.all) involved.push(sql<SqlBool>`1 = 1`);
    else if (scope.unitIds.length > 0) involved.push(eb('documents.unit_id', 'in', scope.unitIds));
    return eb.or([granted, eb.and([eb('documents.confidentiality', '=', 'normal'), eb.or(involved)])]);
  };
}
