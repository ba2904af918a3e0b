import { sql } from 'kysely';
import { hasPermission } from '../../../platform/auth/access.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { Permission } from '../../../platform/auth/roles.js';
import { recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/database/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { formatShortDate } from '../../../platform/pdf/local-date.js';
import { visibleCondition } from '../document-access.js';
import { Direction, DocumentStatus, STATUS_LABELS, type DocumentStatusCode } from '../document-status.js';
import { findDocumentType, isConfidential } from '../document-vocabulary.js';
import { getUnit } from '../documents.repository.js';
import { numberNotationOf, summaryContext, toPlacesOf } from '../present-document.js';
import { registerWorkbook, type RegisterLine } from './register-workbook.js';
import { RegisterKind, type RegisterQuery } from './registers.schema.js';

/** Start of a local (Vietnam, UTC+7) day as a UTC instant: arrival dates are instants. */
const localDayStart = (date: string) => new Date(`${date}T00:00:00+07:00`).toISOString();
const nextLocalDayStart = (date: string) => new Date(new Date(`${date}T00:00:00+07:00`).getTime() + 86_400_000).toISOString();
const display = (localDate: string | null) => (localDate ? `${localDate.slice(8, 10)}/${localDate.slice(5, 7)}/${localDate.slice(0, 4)}` : null);

/**
 * Sổ đăng ký văn bản đến / đi of a unit as Excel (Decree 30/2020 Appendix IV). The unit's readers and clerks may
 * export it; a confidential document appears only for a holder of its grant (the contract's read rule), and an
 * export that shows confidential documents is audited as a read of them.
 */
export async function exportRegister(db: Db, context: AuditContext, actor: Actor, query: RegisterQuery): Promise<{ fileName: string; xlsx: Buffer }> {
  const allowed = (await hasPermission(db, actor, Permission.DocumentRegister, query.unitId)) || (await hasPermission(db, actor, Permission.DocumentRead, query.unitId));
  if (!allowed) throw new AppError('FORBIDDEN');
  const unit = await getUnit(db, query.unitId);
  const visible = await visibleCondition(db, actor);
  const incoming = query.kind === RegisterKind.Incoming;
  let select = db.selectFrom('documents').selectAll().where('unit_id', '=', query.unitId).where((eb) => visible(eb));
  if (incoming) {
    select = select.where('direction', '=', Direction.Incoming).where('arrival_number', 'is not', null);
    if (query.from) select = select.where('arrival_date', '>=', localDayStart(query.from));
    if (query.to) select = select.where('arrival_date', '<', nextLocalDayStart(query.to));
    select = select.orderBy(sql`substr(arrival_date, 1, 4)`).orderBy('arrival_number');
  } else {
    select = select.where('direction', 'in', [Direction.Outgoing, Direction.Internal]).where('number', 'is not', null);
    if (query.from) select = select.where('issued_date', '>=', query.from);
    if (query.to) select = select.where('issued_date', '<=', query.to);
    select = select.orderBy('issued_date').orderBy('number');
  }
  const rows = await select.limit(50_000).execute();
  const leads = (await summaryContext(db, rows, actor.userId, 'vi')).leads;
  const lines: RegisterLine[] = rows.map((row) => {
    const typeName = row.type_code === 'CV' ? 'Công văn' : (findDocumentType(row.type_code)?.name ?? row.type_code);
    const note = [DocumentStatus.Recalled, DocumentStatus.Destroyed].includes(row.status as never) ? STATUS_LABELS[row.status as DocumentStatusCode].vi : null;
    return incoming
      ? {
          arrivalNumber: row.arrival_number === null ? null : Number(row.arrival_number),
          arrivalDate: row.arrival_date ? formatShortDate(new Date(row.arrival_date)) : null,
          author: row.organ_name,
          numberNotation: numberNotationOf(row),
          documentDate: display(row.issued_date),
          typeAndSubject: `${typeName}: ${row.subject}`,
          handlerOrSigner: leads.get(Number(row.id)) ?? null,
          note,
        }
      : {
          numberNotation: numberNotationOf(row),
          documentDate: display(row.issued_date),
          typeAndSubject: `${typeName}: ${row.subject}`,
          handlerOrSigner: row.signer_name,
          recipients: toPlacesOf(row).join('; ') || null,
          copies: row.issued_amount === null ? null : Number(row.issued_amount),
          note,
        };
  });
  const period = `Từ ngày ${display(query.from ?? null) ?? '…'} đến ngày ${display(query.to ?? null) ?? '…'}`;
  const title = `${incoming ? 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN' : 'SỔ ĐĂNG KÝ VĂN BẢN ĐI'} — ${unit.name}`;
  const xlsx = await registerWorkbook(query.kind, title, period, lines);
  const confidentialIds = rows.filter((r) => isConfidential(r.confidentiality)).map((r) => Number(r.id));
  await db.transaction().execute((tx) =>
    recordAudit(tx, context, { action: 'document.register_export', entityType: 'unit', entityId: query.unitId, unitId: query.unitId, summary: { kind: query.kind, from: query.from ?? null, to: query.to ?? null, count: rows.length, confidentialIds } }),
  );
  return { fileName: `so-van-ban-${incoming ? 'den' : 'di'}-${unit.short_name}.xlsx`.replace(/[^\w.-]+/g, '_'), xlsx };
}
