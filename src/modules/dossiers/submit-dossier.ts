import type { Actor } from '../../platform/auth/actor.js';
import { hasPermission } from '../../platform/auth/access.js';
import { Permission } from '../../platform/auth/roles.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Config } from '../../platform/config.js';
import type { WorkingCalendar } from '../../platform/calendar/working-calendar.js';
import type { Db, Tx } from '../../platform/database/database.js';
import type { DossierRow } from '../../platform/database/schema.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import { withIdempotency, type IdempotentResult } from '../../platform/http/idempotency.js';
import type { Language } from '../../platform/i18n/language.js';
import { foldVietnamese } from '../../platform/text/fold.js';
import { getWorkingCalendar } from '../calendar/unit-calendar.js';
import { findProcedureHead } from '../procedures/procedures.repository.js';
import type { ProcedureDocument } from '../procedures/procedures.schema.js';
import { validateApplicationForm } from '../procedures/validate-form.js';
import { computeFees, type FeeQuote, type QuoteChannel } from '../procedures/fees.js';
import { settleOrder } from '../payments/confirm-payment.js';
import type { CounterMethod } from '../payments/payment-status.js';
import { createPaymentOrder } from '../payments/payment-orders.js';
import { Role } from '../../platform/auth/roles.js';
import { ACTION_HANDLERS } from './action-handlers.js';
import { insertComponents, missingRequirements, resolveAttachments, storeForApplicant } from './attachments.js';
import { viewDossier } from './dossier-access.js';
import { formatDossierCode, nextDossierSequence } from './dossier-code.js';
import { buildDetail } from './dossier-detail.js';
import { ComponentSource, DossierAction, DossierChannel, DossierEventKind, DossierStatus } from './dossier-status.js';
import type { Applicant, DossierDetail, SubmitDossierBody } from './dossiers.schema.js';
import { findDossier, findUnitByCode, getProcedureDocument, insertDossier, insertEvent } from './dossiers.repository.js';
import { receivingUnitFor } from './receiving-unit.js';
import { noticeApplicant } from './dossier-notices.js';
import { recordOutcome } from './record-outcome.js';

export interface SubmitRequest {
  context: AuditContext;
  actor: Actor;
  body: SubmitDossierBody;
  language: Language;
  idempotencyKey: string | undefined;
  config: Pick<Config, 'publicUrl' | 'dossier'>;
}

const UNIT_REQUIRED = { vi: 'Chọn cơ quan giải quyết hồ sơ.', en: 'Choose the unit that handles the dossier.' } as const;
const APPLICANT_REQUIRED = { vi: 'Nhập thông tin người nộp hồ sơ.', en: 'Enter the applicant.' } as const;
const PAYMENT_AT_COUNTER_ONLY = { vi: 'Chỉ ghi nhận nộp phí khi tiếp nhận hồ sơ trực tiếp tại Bộ phận Một cửa.', en: 'A payment is recorded only with a counter filing.' } as const;
const NOTHING_TO_PAY = { vi: 'Thủ tục này không có phí, lệ phí phải nộp.', en: 'Nothing is owed for this procedure.' } as const;
const REFERENCE_REQUIRED = { vi: 'Nhập mã giao dịch chuyển khoản.', en: 'Enter the bank transfer reference.' } as const;

/**
 * Files a dossier (domain.md §4): online by a citizen (status "submitted", received later by the one-stop desk)
 * or at the counter by a one-stop officer on the applicant's behalf (received at once, with the receipt).
 * Everything is checked before anything is written; the dossier, its code, components, history, audit entry and
 * notices commit together.
 */
export async function submitDossier(db: Db, request: SubmitRequest): Promise<IdempotentResult<DossierDetail>> {
  const { actor, body, language } = request;
  const head = await findProcedureHead(db, body.procedureCode);
  if (!head) throw new AppError('NOT_FOUND');
  if (head.status !== 'active') throw new AppError('PROCEDURE_RETIRED', { code: head.code });
  const document = await getProcedureDocument(db, db, head.code, head.currentVersion);
  const atCounter = body.channel !== DossierChannel.Online;
  if (!atCounter && actor.kind !== 'citizen') throw new AppError('FORBIDDEN');
  if (!atCounter && document.onlineLevel === 'none') throw new AppError('NOT_FILEABLE_ONLINE', { code: head.code });

  const unit = await handlingUnit(db, document, body.unitCode, language);
  const receivingUnitId = await receivingUnitFor(db, document, unit.id);
  if (atCounter && !(await hasPermission(db, actor, Permission.DossierFileCounter, receivingUnitId))) throw new AppError('FORBIDDEN');
  if (body.payment && atCounter && !(await hasPermission(db, actor, Permission.PaymentCollect, receivingUnitId))) throw new AppError('FORBIDDEN');
  const applicant = atCounter ? counterApplicant(body, language) : await citizenApplicant(db, actor, body);
  const ownerUserId = atCounter ? await accountOf(db, applicant.identityNumber) : actor.userId;
  const calendar = await getWorkingCalendar(db, unit.id);
  const receivingUnit = await db.selectFrom('units').select(['code', 'name']).where('id', '=', receivingUnitId).executeTakeFirstOrThrow();

  const scope = 'POST /api/dossiers';
  return withIdempotency(db, { userId: actor.userId, key: request.idempotencyKey, scope, body }, async (tx) => {
    const errors: FieldError[] = validateApplicationForm({ code: head.code, version: head.currentVersion, form: document.form }, body.form, language);
    const resolved = await resolveAttachments(tx, actor, ownerUserId, document, body.attachments, '/attachments', language);
    errors.push(...resolved.errors);
    if (!atCounter) errors.push(...missingRequirements(document, body.attachments, language));
    const quote = computeFees(document, body.form, body.channel as QuoteChannel);
    errors.push(...paymentErrors(body, atCounter, quote, language));
    if (errors.length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
    // A fee to pay first (domain.md §4 status 6): the desk cannot receive the dossier until it is paid.
    const feeDue = quote.totalVnd > 0;
    const initialStatus = feeDue ? DossierStatus.FeeDue : DossierStatus.Submitted;

    const now = new Date();
    const localDate = calendar.localDateOf(now);
    const seq = await nextDossierSequence(tx, receivingUnitId, localDate);
    const code = formatDossierCode(request.config.dossier.codePattern, { unitCode: receivingUnit.code, localDate, seq });
    const nowIso = now.toISOString();
    const dossierId = await insertDossier(tx, {
      code,
      procedure_code: head.code,
      procedure_version: head.currentVersion,
      procedure_name: document.name,
      channel: body.channel,
      status: initialStatus,
      unit_id: unit.id,
      receiving_unit_id: receivingUnitId,
      owner_user_id: ownerUserId,
      applicant: JSON.stringify(applicant),
      applicant_name: applicant.fullName,
      applicant_identity: applicant.identityNumber,
      search_text: foldVietnamese(`${code} ${applicant.fullName}`),
      form: JSON.stringify(body.form),
      // Until received, the one-stop desk of the receiving unit is the one to act; nobody while the fee is due.
      current_role: feeDue ? null : Role.OneStopOfficer,
      current_unit_id: feeDue ? null : receivingUnitId,
      submitted_at: nowIso,
      supplement_count: 0,
      last_seq: 1,
      created_by: actor.userId,
      updated_at: nowIso,
    });
    // Components first: the event refreshes the service index facts, which count them (issue 6, indicators 6.x).
    await insertComponents(tx, dossierId, 1, resolved.components);
    if (atCounter) await recordPaperComponents(tx, dossierId, document, body);
    await insertEvent(tx, {
      dossier_id: dossierId,
      seq: 1,
      action: DossierEventKind.Submit,
      from_status: null,
      to_status: initialStatus,
      actor_id: actor.userId,
      actor_name: actor.fullName,
      unit_id: atCounter ? receivingUnitId : null,
      at: nowIso,
      note: null,
      details: JSON.stringify({ channel: body.channel }),
    });
    await storeForApplicant(tx, ownerUserId, dossierId, resolved.components);
    if (body.draftId !== undefined) {
      await tx.deleteFrom('dossier_drafts').where('id', '=', body.draftId).where('owner_user_id', '=', actor.userId).execute();
    }
    await recordAudit(tx, request.context, {
      action: 'dossier.submit',
      entityType: 'dossier',
      entityId: code,
      unitId: unit.id,
      summary: { procedure: head.code, version: head.currentVersion, channel: body.channel, components: resolved.components.length, feeVnd: quote.totalVnd },
    });
    const orderId = feeDue ? await createPaymentOrder(tx, dossierId, quote, now) : undefined;
    let row = (await findDossier(tx, code))!;
    if (orderId !== undefined && body.payment) {
      // Paid at the desk while filing: receipt issued and the dossier received in this same transaction.
      const settled = await settleOrder(tx, {
        orderId,
        channel: body.payment.method as CounterMethod,
        amountVnd: quote.totalVnd,
        reference: body.payment.reference ?? null,
        bankCode: null,
        paidAt: now,
        actor,
        context: request.context,
        auditAction: 'payment.counter',
        setting: { document, calendar },
        publicUrl: request.config.publicUrl,
      });
      row = settled.dossier;
    }
    if (row.status === DossierStatus.FeeDue) {
      // Status 6 is the applicant's move: told what to pay and how, like every other request made of them.
      await noticeApplicant(tx, { kind: 'fee_due', dossier: row, unitName: receivingUnit.name, publicUrl: request.config.publicUrl, amountVnd: quote.totalVnd });
    }
    if (atCounter && row.status === DossierStatus.Submitted) row = await receiveAtCounter(tx, request, row, document, calendar, now);
    const viewer = await viewDossier(tx, actor, row);
    return { statusCode: 201, body: await buildDetail(tx, viewer, row, { document, calendar }, now) };
  });
}

async function handlingUnit(db: Db, document: ProcedureDocument, unitCode: string | undefined, language: Language) {
  const code = unitCode ?? (document.competentUnitCodes.length === 1 ? document.competentUnitCodes[0] : undefined);
  if (code === undefined) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/unitCode', message: UNIT_REQUIRED[language] }]);
  if (!document.competentUnitCodes.includes(code)) throw new AppError('UNIT_NOT_COMPETENT', { unit: code });
  const unit = await findUnitByCode(db, code);
  if (!unit || unit.status !== 'active') throw new AppError('UNIT_NOT_COMPETENT', { unit: code });
  return unit;
}

/** `payment` belongs to a counter filing of a procedure with a fee; a bank transfer names its reference. */
function paymentErrors(body: SubmitDossierBody, atCounter: boolean, quote: FeeQuote, language: Language): FieldError[] {
  if (!body.payment) return [];
  if (!atCounter) return [{ path: '/payment', message: PAYMENT_AT_COUNTER_ONLY[language] }];
  if (quote.totalVnd === 0) return [{ path: '/payment', message: NOTHING_TO_PAY[language] }];
  if (body.payment.method === 'bank_transfer' && !body.payment.reference?.trim()) return [{ path: '/payment/reference', message: REFERENCE_REQUIRED[language] }];
  return [];
}

function counterApplicant(body: SubmitDossierBody, language: Language): Applicant {
  if (!body.applicant) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/applicant', message: APPLICANT_REQUIRED[language] }]);
  const a = body.applicant;
  return { fullName: a.fullName.trim(), identityNumber: a.identityNumber, phone: a.phone ?? null, email: a.email ?? null, address: a.address ?? null };
}

/** The citizen's own profile, unless they file on someone's behalf with an explicit applicant. */
async function citizenApplicant(db: Db, actor: Actor, body: SubmitDossierBody): Promise<Applicant> {
  const user = await db.selectFrom('users').select(['full_name', 'identity_number', 'phone', 'email']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  const a = body.applicant;
  return {
    fullName: a?.fullName.trim() ?? user.full_name,
    identityNumber: a?.identityNumber ?? user.identity_number,
    phone: a?.phone ?? user.phone,
    email: a?.email ?? user.email,
    address: a?.address ?? null,
  };
}

/** A counter dossier belongs to the citizen's portal account when one carries the same identity number. */
async function accountOf(db: Db, identityNumber: string | null): Promise<number | null> {
  if (!identityNumber) return null;
  const user = await db.selectFrom('users').select('id').where('kind', '=', 'citizen').where('identity_number', '=', identityNumber).where('status', '=', 'active').executeTakeFirst();
  return user ? Number(user.id) : null;
}

/** Mandatory papers handed over at the counter without a scan are recorded too (not digitised: index group 6). */
async function recordPaperComponents(tx: Tx, dossierId: number, document: ProcedureDocument, body: SubmitDossierBody): Promise<void> {
  const scanned = new Set(body.attachments.map((a) => a.requirement));
  const paper = document.requirements.filter((r) => r.mandatory && !scanned.has(r.code));
  if (paper.length === 0) return;
  const now = new Date().toISOString();
  await tx
    .insertInto('dossier_components')
    .values(paper.map((r) => ({ dossier_id: dossierId, requirement_code: r.code, requirement_name: r.name, file_id: null, source: ComponentSource.Paper, digitised: 0, event_seq: 1, added_at: now })))
    .execute();
}

/** Counter filing: the officer receives the dossier in the same transaction (receipt, deadline, first step). */
async function receiveAtCounter(tx: Tx, request: SubmitRequest, row: DossierRow, document: ProcedureDocument, calendar: WorkingCalendar, now: Date): Promise<DossierRow> {
  const outcome = await ACTION_HANDLERS.receive({
    tx,
    row,
    document,
    calendar,
    actor: request.actor,
    body: { action: DossierAction.Receive },
    now,
    language: request.language,
    unitIdOfCode: () => undefined,
    proposedDueAt: null,
  });
  return recordOutcome(tx, row, outcome, {
    context: request.context,
    actor: request.actor,
    action: DossierAction.Receive,
    note: undefined,
    unitId: row.receiving_unit_id,
    document,
    calendar,
    now,
    publicUrl: request.config.publicUrl,
  });
}
