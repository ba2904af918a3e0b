import type { AuditContext } from '../../platform/audit/audit.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { Permission } from '../../platform/auth/roles.js';
import type { Db, Executor } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Language } from '../../platform/i18n/language.js';
import { requirePerformer, SYSTEM, type Performer } from '../users/performer.js';
import {
  findProcedureHead,
  findVersion,
  listCurrentDocuments,
  saveVersion,
  searchProcedures,
} from './procedures.repository.js';
import {
  ProcedureStatus,
  type CatalogueExport,
  type FeeQuoteBody,
  type ImportReport,
  type ProcedureDocument,
  type ProcedureList,
  type ProcedureListQuery,
  type ProcedureVersion,
} from './procedures.schema.js';
import { assertValidProcedure } from './validate-procedure.js';
import { computeFees, type FeeQuote } from './fees.js';

/** The catalogue is province-wide: managing it needs procedure.manage on the root unit's whole tree. */
const actorIdOf = (performer: Performer) => (performer === SYSTEM ? null : performer.userId);

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Saves a version; a racing edit (stale version) or a racing create of the same code answers CONFLICT (409). */
async function saveOrConflict(tx: Executor, document: ProcedureDocument & { status: string }, version: number, performer: Performer): Promise<void> {
  let saved: boolean;
  try {
    saved = await saveVersion(tx, document, version, actorIdOf(performer));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT');
    throw error;
  }
  if (!saved) throw new AppError('CONFLICT');
}

function requireCatalogueManager(db: Executor, performer: Performer): Promise<void> {
  return requirePerformer(db, performer, Permission.ProcedureManage, null);
}

// Versions stored before fee reductions existed have none: they read back as an empty list.
const withStatus = (document: ProcedureDocument) => ({
  ...document,
  feeReductions: document.feeReductions ?? [],
  status: document.status ?? ProcedureStatus.Active,
});

/** Public: active procedures only, ranked by relevance when `q` is given, else in code order. */
export async function listProcedures(db: Db, query: ProcedureListQuery): Promise<ProcedureList> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const { page: _p, pageSize: _s, ...filter } = query;
  return searchProcedures(db, { ...filter, status: ProcedureStatus.Active }, { offset: (page - 1) * pageSize, limit: pageSize });
}

/** Public: a procedure's current version, or an older one (`version`) — a dossier shows the one it was filed under. */
export async function getProcedure(db: Executor, code: string, version?: number): Promise<ProcedureVersion> {
  const head = await findProcedureHead(db, code);
  if (!head) throw new AppError('NOT_FOUND');
  const stored = await findVersion(db, code, version ?? head.currentVersion);
  if (!stored) throw new AppError('NOT_FOUND');
  const document = withStatus(stored.document);
  const units = await db.selectFrom('units').select(['code', 'name']).where('code', 'in', document.competentUnitCodes).execute();
  const names = new Map(units.map((unit) => [unit.code, unit.name]));
  return {
    ...document,
    version: stored.version,
    currentVersion: head.currentVersion,
    versionCreatedAt: stored.createdAt,
    competentUnits: document.competentUnitCodes.map((code) => ({ code, name: names.get(code) ?? null })),
  };
}

/** Public: what filing the current version would cost with this (possibly unfinished) form — nothing is stored. */
export async function quoteProcedureFees(db: Executor, code: string, body: FeeQuoteBody): Promise<FeeQuote> {
  return computeFees(await getProcedure(db, code), body.form, body.channel);
}

export async function createProcedure(db: Db, context: AuditContext, performer: Performer, input: ProcedureDocument, language: Language): Promise<ProcedureVersion> {
  await requireCatalogueManager(db, performer);
  assertValidProcedure(input, language);
  const document = withStatus(input);
  return db.transaction().execute(async (tx) => {
    if (await findProcedureHead(tx, document.code)) throw new AppError('PROCEDURE_CODE_TAKEN', { code: document.code });
    await saveOrConflict(tx, document, 1, performer);
    await recordAudit(tx, context, { action: 'procedure.create', entityType: 'procedure', entityId: document.code, summary: { after: { version: 1, name: document.name, status: document.status } } });
    return getProcedure(tx, document.code);
  });
}

/** Editing never overwrites: it appends version N+1 and makes it current. */
export async function updateProcedure(
  db: Db,
  context: AuditContext,
  performer: Performer,
  code: string,
  input: ProcedureDocument,
  language: Language,
): Promise<ProcedureVersion> {
  await requireCatalogueManager(db, performer);
  if (input.code !== code) {
    const message = language === 'vi' ? `Mã thủ tục phải là ${code} (theo địa chỉ).` : `The code must be ${code} (as in the address).`;
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/code', message }]);
  }
  assertValidProcedure(input, language);
  const document = withStatus(input);
  return db.transaction().execute(async (tx) => {
    const head = await findProcedureHead(tx, code);
    if (!head) throw new AppError('NOT_FOUND');
    const version = head.currentVersion + 1;
    await saveOrConflict(tx, document, version, performer);
    await recordAudit(tx, context, {
      action: 'procedure.update',
      entityType: 'procedure',
      entityId: code,
      summary: { before: { version: head.currentVersion, status: head.status }, after: { version, name: document.name, status: document.status } },
    });
    return getProcedure(tx, code);
  });
}

/** Retiring is a version too (status retired), so the history shows when the procedure stopped applying. */
export async function retireProcedure(db: Db, context: AuditContext, performer: Performer, code: string): Promise<ProcedureVersion> {
  await requireCatalogueManager(db, performer);
  return db.transaction().execute(async (tx) => {
    const current = await getProcedure(tx, code);
    if (current.status === ProcedureStatus.Retired) throw new AppError('PROCEDURE_RETIRED', { code });
    const { version: _v, currentVersion: _c, versionCreatedAt: _t, competentUnits: _u, ...document } = current;
    const version = current.currentVersion + 1;
    await saveOrConflict(tx, { ...document, status: ProcedureStatus.Retired }, version, performer);
    await recordAudit(tx, context, {
      action: 'procedure.retire',
      entityType: 'procedure',
      entityId: code,
      summary: { before: { version: current.version, status: current.status }, after: { version, status: ProcedureStatus.Retired } },
    });
    return getProcedure(tx, code);
  });
}

export async function exportCatalogue(db: Db, context: AuditContext, performer: Performer): Promise<CatalogueExport> {
  await requireCatalogueManager(db, performer);
  return db.transaction().execute(async (tx) => {
    const procedures = (await listCurrentDocuments(tx)).map(withStatus);
    await recordAudit(tx, context, { action: 'procedure.export', entityType: 'procedure', summary: { count: procedures.length } });
    return { exportedAt: new Date().toISOString(), procedures };
  });
}

// Key order carries no meaning in JSON, so documents are compared with their keys sorted.
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortedKeys(v)]));
  }
  return value;
}

const canonical = (document: ProcedureDocument) => JSON.stringify(sortedKeys(withStatus(document)));

/**
 * Imports a catalogue in one transaction: new codes get version 1, changed ones a new version, identical ones
 * nothing. Any invalid document (paths under /procedures/i) or a code given twice rejects the whole import.
 */
export async function importCatalogue(
  db: Db,
  context: AuditContext,
  performer: Performer,
  documents: ProcedureDocument[],
  language: Language,
): Promise<ImportReport> {
  await requireCatalogueManager(db, performer);
  const seen = new Map<string, number>();
  documents.forEach((document, i) => {
    assertValidProcedure(document, language, `/procedures/${i}`);
    if (seen.has(document.code)) {
      const message = language === 'vi' ? `Mã thủ tục ${document.code} xuất hiện hai lần.` : `The procedure code ${document.code} appears twice.`;
      throw new AppError('VALIDATION_FAILED', {}, [{ path: `/procedures/${i}/code`, message }]);
    }
    seen.set(document.code, i);
  });
  return db.transaction().execute(async (tx) => {
    const report: ImportReport = { created: 0, updated: 0, unchanged: 0 };
    for (const input of documents) {
      const document = withStatus(input);
      const head = await findProcedureHead(tx, document.code);
      if (!head) {
        await saveOrConflict(tx, document, 1, performer);
        report.created += 1;
        continue;
      }
      const current = await findVersion(tx, document.code, head.currentVersion);
      if (current && canonical(current.document) === canonical(document)) {
        report.unchanged += 1;
        continue;
      }
      await saveOrConflict(tx, document, head.currentVersion + 1, performer);
      report.updated += 1;
    }
    await recordAudit(tx, context, { action: 'procedure.import', entityType: 'procedure', summary: { ...report, codes: [...seen.keys()] } });
    return report;
  });
}
