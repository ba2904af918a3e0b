import type { Actor } from '../../platform/auth/actor.js';
import { hasPermission } from '../../platform/auth/access.js';
import { Permission } from '../../platform/auth/roles.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { DEFAULT_OFFICE_HOURS, type CalendarEntryKind } from '../../platform/calendar/calendar-config.js';
import { validateCalendarConfig } from '../../platform/calendar/validate-calendar-config.js';
import type { Db, Executor, Tx } from '../../platform/database/database.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import type { Language } from '../../platform/i18n/language.js';
import { findUnitRow } from '../units/units.repository.js';
import { assertActive } from '../units/units.service.js';
import { holdsPermissionAnywhere } from '../users/performer.js';
import { invalidateCalendars } from './calendar-cache.js';
import { deleteOfficeHours, listEntriesOfYear, lockCalendarEntries, replaceEntriesOfYear, upsertOfficeHours } from './calendar.repository.js';
import type { CalendarEntryView, CalendarYear, Deadline, DeadlineQuery, OfficeHours, OfficeHoursInput, ReplaceYearInput } from './calendar.schema.js';
import { findEffectiveOfficeHours, getWorkingCalendar } from './unit-calendar.js';

const MESSAGES = {
  outsideYear: { vi: 'Ngày phải thuộc năm {year}.', en: 'The date must be in {year}.' },
  oneAmount: {
    vi: 'Cần đúng một trong hai tham số workingDays (số ngày làm việc) hoặc workingHours (số giờ làm việc).',
    en: 'Give exactly one of workingDays or workingHours.',
  },
} satisfies Record<string, Record<Language, string>>;

/** The working calendar is needed by every official (deadlines on every dossier); citizens use the public list. */
function requireOfficial(actor: Actor): void {
  if (!holdsPermissionAnywhere(actor, Permission.OfficeAccess)) throw new AppError('FORBIDDEN');
}

export async function getCalendarYear(db: Db, actor: Actor, year: number): Promise<CalendarYear> {
  requireOfficial(actor);
  return { year, entries: await listEntriesOfYear(db, year) };
}

/** Public list of a year's holidays, days off and swap days, for the citizens' portal (no sign-in). */
export async function getPublicHolidays(db: Db, year: number): Promise<CalendarYear> {
  return { year, entries: await listEntriesOfYear(db, year) };
}

function normalizeEntries(input: ReplaceYearInput): CalendarEntryView[] {
  return input.entries.map((e) => ({ date: e.date, kind: e.kind as CalendarEntryKind, name: e.name.trim(), nameEn: e.nameEn?.trim() || null }));
}

function validateYearEntries(year: number, entries: CalendarEntryView[], language: Language): FieldError[] {
  const errors = validateCalendarConfig(
    { officeHours: [...DEFAULT_OFFICE_HOURS], entries: entries.map((e) => ({ ...e, nameEn: e.nameEn ?? undefined })) },
    language,
  ).filter((error) => error.path.startsWith('/entries'));
  entries.forEach((entry, index) => {
    const path = `/entries/${index}/date`;
    if (!entry.date.startsWith(`${year}-`) && !errors.some((e) => e.path === path)) {
      errors.push({ path, message: MESSAGES.outsideYear[language].replace('{year}', String(year)) });
    }
  });
  return errors;
}

/**
 * Replaces the holidays, days off and swap days of one year (province-wide: calendar.manage on the root).
 * Whole-year replacement keeps the edit atomic and the audit entry a readable before/after.
 */
export async function replaceCalendarYear(
  db: Db,
  context: AuditContext,
  actor: Actor,
  year: number,
  input: ReplaceYearInput,
  language: Language,
): Promise<CalendarYear> {
  if (!(await hasPermission(db, actor, Permission.CalendarManage, null))) throw new AppError('FORBIDDEN');
  const entries = normalizeEntries(input);
  const errors = validateYearEntries(year, entries, language);
  if (errors.length > 0) throw new AppError('CALENDAR_CONFIG_INVALID', {}, errors);
  const result = await db.transaction().execute(async (tx) => {
    await lockCalendarEntries(tx);
    const before = await listEntriesOfYear(tx, year);
    await replaceEntriesOfYear(tx, year, entries, { userId: actor.userId, at: new Date().toISOString() });
    const after = await listEntriesOfYear(tx, year);
    await recordAudit(tx, context, {
      action: 'calendar.year.replace',
      entityType: 'calendar_year',
      entityId: year,
      summary: { before: { count: before.length }, after: { count: after.length }, changedDates: changedDates(before, after) },
    });
    return { year, entries: after };
  });
  invalidateCalendars(db);
  return result;
}

/** Dates added, removed or edited, so the audit trail shows what an edit did without storing whole years. */
function changedDates(before: CalendarEntryView[], after: CalendarEntryView[]): string[] {
  const key = (e: CalendarEntryView) => JSON.stringify([e.kind, e.name, e.nameEn]);
  const old = new Map(before.map((e) => [e.date, key(e)]));
  const now = new Map(after.map((e) => [e.date, key(e)]));
  const dates = new Set([...old.keys(), ...now.keys()]);
  return [...dates].filter((date) => old.get(date) !== now.get(date)).sort();
}

async function requireExistingUnit(db: Executor, unitId: number) {
  const row = await findUnitRow(db, unitId);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function getOfficeHours(db: Db, actor: Actor, unitId: number): Promise<OfficeHours> {
  if (!holdsPermissionAnywhere(actor, Permission.UnitRead)) throw new AppError('FORBIDDEN');
  await requireExistingUnit(db, unitId);
  return describeOfficeHours(db, unitId);
}

async function describeOfficeHours(db: Executor, unitId: number): Promise<OfficeHours> {
  const hours = await findEffectiveOfficeHours(db, unitId);
  if (!hours) throw new AppError('NOT_FOUND');
  const source = hours.sourceUnitId === null ? 'default' : hours.sourceUnitId === unitId ? 'own' : 'inherited';
  const sourceRow = hours.sourceUnitId === null ? undefined : await findUnitRow(db, hours.sourceUnitId);
  return {
    unitId,
    officeHours: hours.officeHours,
    workingWeekdays: hours.workingWeekdays,
    source,
    sourceUnit: sourceRow ? { id: Number(sourceRow.id), name: sourceRow.name } : null,
  };
}

/** calendar.manage on the unit (a unit administrator sets the hours of the units under them). */
async function requireCalendarManager(db: Executor, actor: Actor, unitId: number): Promise<void> {
  if (await hasPermission(db, actor, Permission.CalendarManage, unitId)) return;
  const exists = await findUnitRow(db, unitId);
  throw new AppError(exists && holdsPermissionAnywhere(actor, Permission.UnitRead) ? 'FORBIDDEN' : 'NOT_FOUND');
}

export async function setOfficeHours(
  db: Db,
  context: AuditContext,
  actor: Actor,
  unitId: number,
  input: OfficeHoursInput,
  language: Language,
): Promise<OfficeHours> {
  await requireCalendarManager(db, actor, unitId);
  assertActive(await requireExistingUnit(db, unitId));
  const errors = validateCalendarConfig({ officeHours: input.officeHours, workingWeekdays: input.workingWeekdays, entries: [] }, language);
  if (errors.length > 0) throw new AppError('CALENDAR_CONFIG_INVALID', {}, errors);
  return changeOfficeHours(db, context, unitId, 'calendar.office_hours.set', (tx) =>
    upsertOfficeHours(tx, { unitId, ...input }, { userId: actor.userId, at: new Date().toISOString() }),
  );
}

/** Drops the unit's own hours so it inherits again from its ancestors (or the shipped default). */
export async function clearOfficeHours(db: Db, context: AuditContext, actor: Actor, unitId: number): Promise<OfficeHours> {
  await requireCalendarManager(db, actor, unitId);
  await requireExistingUnit(db, unitId);
  return changeOfficeHours(db, context, unitId, 'calendar.office_hours.clear', async (tx, before) => {
    // Nothing of its own to clear: no change, no audit entry.
    if (before.source !== 'own') return false;
    await deleteOfficeHours(tx, unitId);
  });
}

/**
 * One office-hours change in one transaction, audited with the hours before and after; `change` may return
 * false to say there was nothing to do. The per-process calendar cache is dropped afterwards.
 */
async function changeOfficeHours(
  db: Db,
  context: AuditContext,
  unitId: number,
  action: string,
  change: (tx: Tx, before: OfficeHours) => Promise<unknown>,
): Promise<OfficeHours> {
  const result = await db.transaction().execute(async (tx) => {
    const before = await describeOfficeHours(tx, unitId);
    if ((await change(tx, before)) === false) return before;
    const after = await describeOfficeHours(tx, unitId);
    await recordAudit(tx, context, {
      action,
      entityType: 'unit',
      entityId: unitId,
      unitId,
      summary: { before: pickHours(before), after: pickHours(after) },
    });
    return after;
  });
  invalidateCalendars(db);
  return result;
}

function pickHours(hours: OfficeHours) {
  return { officeHours: hours.officeHours, workingWeekdays: hours.workingWeekdays, source: hours.source };
}

/** The deadline (ngày hẹn trả) of an amount of working time from a receipt, as the dossier module will compute it. */
export async function computeDeadline(db: Db, actor: Actor, query: DeadlineQuery, language: Language): Promise<Deadline> {
  requireOfficial(actor);
  const hasDays = query.workingDays !== undefined;
  const hasHours = query.workingHours !== undefined;
  if (hasDays === hasHours) {
    const path = hasDays ? '/query/workingHours' : '/query/workingDays';
    throw new AppError('VALIDATION_FAILED', {}, [{ path, message: MESSAGES.oneAmount[language] }]);
  }
  await requireExistingUnit(db, query.unitId);
  const calendar = await getWorkingCalendar(db, query.unitId);
  const from = new Date(query.from);
  const deadline = hasDays ? calendar.addWorkingDays(from, query.workingDays!) : calendar.addWorkingHours(from, query.workingHours!);
  return {
    unitId: query.unitId,
    from: from.toISOString(),
    countFrom: calendar.nextWorkingStart(from).toISOString(),
    deadline: deadline.toISOString(),
    ...(hasDays ? { workingDays: query.workingDays } : { workingHours: query.workingHours }),
  };
}
