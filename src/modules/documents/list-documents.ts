import type { Expression, SqlBool } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { permittedUnits } from '../../platform/auth/access.js';
import { Permission, type PermissionCode } from '../../platform/auth/roles.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { getDayNumber, formatDayNumber, localDateOf, VIETNAM_TIME_ZONE } from '../../platform/calendar/local-time.js';
import type { Db } from '../../platform/database/database.js';
import type { Language } from '../../platform/i18n/language.js';
import { visibleCondition } from './document-access.js';
import { Direction, DocumentStatus, OPEN_INCOMING } from './document-status.js';
import { isConfidential } from './document-vocabulary.js';
import type { DocumentList, ListQuery } from './documents.schema.js';
import { summaryContext, toSummary } from './present-document.js';

/** "Sắp đến hạn": an open document whose deadline falls within this many days (contract). */
const DUE_SOON_DAYS = 3;

async function unitsWith(db: Db, actor: Actor, permission: PermissionCode): Promise<number[] | 'all'> {
  const scope = await permittedUnits(db, actor, permission);
  return scope.all ? 'all' : scope.unitIds.length > 0 ? scope.unitIds : [-1];
}

/**
 * The registers and worklists of documents-api.md. Every view is narrowed by the read rule first (a confidential
 * document never appears without a grant); listing confidential documents is audited like reading them.
 */
export async function listDocuments(db: Db, context: AuditContext, actor: Actor, query: ListQuery, language: Language): Promise<DocumentList> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const view = query.view ?? 'all';
  const visible = await visibleCondition(db, actor);
  const today = localDateOf(new Date(), VIETNAM_TIME_ZONE);
  const soon = formatDayNumber(getDayNumber(today) + DUE_SOON_DAYS);
  const clerkUnits = ['to_register', 'to_check', 'to_issue'].includes(view) ? await unitsWith(db, actor, Permission.DocumentRegister) : undefined;
  const assignUnits = view === 'to_assign' ? await unitsWith(db, actor, Permission.DocumentAssign) : undefined;
  const userId = actor.userId;

  const base = db.selectFrom('documents').where((eb) => {
    const conditions: Expression<SqlBool>[] = [visible(eb)];
    const inUnits = (units: number[] | 'all' | undefined) => (units === 'all' || units === undefined ? [] : [eb('documents.unit_id', 'in', units)]);
    const mine = eb('documents.id', 'in', eb.selectFrom('document_assignments').select('document_id').where('user_id', '=', userId).where('status', '=', 'open'));
    switch (view) {
      case 'incoming':
        conditions.push(eb('direction', '=', Direction.Incoming), eb('arrival_number', 'is not', null));
        break;
      case 'outgoing':
        conditions.push(eb('direction', 'in', [Direction.Outgoing, Direction.Internal]), eb('number', 'is not', null));
        break;
      case 'to_register':
        conditions.push(eb('direction', '=', Direction.Incoming), eb('status', '=', DocumentStatus.Received), ...inUnits(clerkUnits));
        break;
      case 'to_assign':
        conditions.push(eb('direction', '=', Direction.Incoming), eb('status', '=', DocumentStatus.Registered), ...inUnits(assignUnits));
        break;
      case 'my_work':
        conditions.push(eb('status', '=', DocumentStatus.Assigned), mine);
        break;
      case 'due_soon':
        conditions.push(eb('direction', '=', Direction.Incoming), eb('status', 'in', OPEN_INCOMING), eb('due_date', '>=', today), eb('due_date', '<=', soon));
        break;
      case 'overdue':
        conditions.push(eb('direction', '=', Direction.Incoming), eb('status', 'in', OPEN_INCOMING), eb('due_date', '<', today));
        break;
      case 'my_drafts':
        conditions.push(eb('created_by', '=', userId), eb('direction', 'in', [Direction.Outgoing, Direction.Internal]), eb('status', 'not in', [DocumentStatus.Issued, DocumentStatus.Recalled]));
        break;
      case 'to_review':
        conditions.push(
          eb('status', '=', DocumentStatus.InReview),
          eb('documents.id', 'in', eb.selectFrom('document_reviews').select('document_id').where('reviewer_id', '=', userId).where('status', '=', 'pending')),
        );
        break;
      case 'to_check':
        conditions.push(eb('status', '=', DocumentStatus.FormatCheck), ...inUnits(clerkUnits));
        break;
      case 'to_sign':
        conditions.push(eb('status', '=', DocumentStatus.ToSign), eb('signer_user_id', '=', userId));
        break;
      case 'to_issue':
        conditions.push(eb('status', '=', DocumentStatus.Signed), ...inUnits(clerkUnits));
        break;
      case 'all':
        break;
    }
    if (query.unitId !== undefined) conditions.push(eb('documents.unit_id', '=', query.unitId));
    if (query.typeCode !== undefined) conditions.push(eb('type_code', '=', query.typeCode));
    if (query.urgency !== undefined) conditions.push(eb('urgency', '=', query.urgency));
    // The registers are kept by arrival (incoming) or issue (outgoing) date; worklists by creation.
    const dated = view === 'incoming' ? 'arrival_date' : view === 'outgoing' ? 'issued_at' : 'created_at';
    if (query.from !== undefined) conditions.push(eb(dated, '>=', startOfLocalDay(query.from)));
    if (query.to !== undefined) conditions.push(eb(dated, '<', startOfLocalDay(formatDayNumber(getDayNumber(query.to) + 1))));
    return eb.and(conditions);
  });

  const totalRow = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ordered = view === 'due_soon' || view === 'overdue' ? base.orderBy('due_date', 'asc') : view === 'incoming' ? base.orderBy('arrival_date', 'desc') : view === 'outgoing' ? base.orderBy('issued_at', 'desc') : base.orderBy('updated_at', 'desc');
  // pageSize 0 counts only (tab badges): nothing about the documents leaves the server, so there is nothing to audit.
  const rows = pageSize === 0 ? [] : await ordered.selectAll().orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  const summaries = await summaryContext(db, rows, actor.userId, language);
  const confidential = rows.filter((r) => isConfidential(r.confidentiality));
  if (confidential.length > 0) {
    await db.transaction().execute(async (tx) => {
      for (const row of confidential) {
        await recordAudit(tx, context, { action: 'document.read', entityType: 'document', entityId: Number(row.id), unitId: Number(row.unit_id), summary: { purpose: 'list', view } });
      }
    });
  }
  return { items: rows.map((r) => toSummary(r, summaries)), total: Number(totalRow.n) };
}

/** The instant a local (UTC+7) day starts, as stored ISO text compares. */
function startOfLocalDay(localDate: string): string {
  return new Date(Date.parse(`${localDate}T00:00:00+07:00`)).toISOString();
}
