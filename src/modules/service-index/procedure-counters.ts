import type { Executor } from '../../platform/database/database.js';
import type { ProcedureDocument } from '../procedures/procedures.schema.js';
import type { Counters, ProcedureCounter } from './service-index.config.js';

/** What the catalogue indicators (1.x, 3.1, 4.1) need to know about one procedure's current version. */
export interface CatalogueEntry {
  code: string;
  name: string;
  competentUnitCodes: string[];
  flags: Record<Exclude<ProcedureCounter, 'procedures'>, boolean>;
}

// A version's document never changes once written, so parsed entries are kept per code@version, per database: one
// process may open several databases (tests, tools) where the same code@version holds different documents. A
// transaction shares its database's adapter, so the adapter identifies the database.
const parsedByDatabase = new WeakMap<object, Map<string, CatalogueEntry>>();

function parsedEntriesOf(db: Executor): Map<string, CatalogueEntry> {
  const adapter = db.getExecutor().adapter;
  let entries = parsedByDatabase.get(adapter);
  if (!entries) {
    entries = new Map();
    parsedByDatabase.set(adapter, entries);
  }
  return entries;
}

function entryOf(code: string, document: ProcedureDocument): CatalogueEntry {
  const withFee = document.fees.some((fee) => fee.amountVnd > 0);
  const online = document.onlineLevel !== 'none';
  const properties = (document.form?.schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  return {
    code,
    name: document.name,
    competentUnitCodes: document.competentUnitCodes,
    flags: {
      // Decree 63/2010 art. 13: published with its time limit, components and legal basis.
      procedures_published: document.processingTime !== undefined && document.requirements.length > 0 && document.legalBasis.length > 0,
      procedures_eform: Object.keys(properties).length > 0,
      procedures_online: online,
      procedures_full_online: document.onlineLevel === 'toan_trinh',
      procedures_with_fee: withFee,
      // The platform's gateway takes the fees of every dossier filed online (payments module), so a procedure
      // offered online with a fee offers online payment.
      procedures_online_payment: withFee && online,
    },
  };
}

/** Active procedures with their current version, one query (documents parsed once per version). */
export async function loadProcedureCatalogue(db: Executor): Promise<CatalogueEntry[]> {
  const parsed = parsedEntriesOf(db);
  const heads = await db.selectFrom('procedures').select(['code', 'current_version']).where('status', '=', 'active').orderBy('code').execute();
  const missing = heads.filter((h) => !parsed.has(`${h.code}@${h.current_version}`));
  if (missing.length > 0) {
    const rows = await db
      .selectFrom('procedure_versions')
      .innerJoin('procedures', (join) => join.onRef('procedures.code', '=', 'procedure_versions.procedure_code').onRef('procedures.current_version', '=', 'procedure_versions.version'))
      .select(['procedure_versions.procedure_code', 'procedure_versions.version', 'procedure_versions.document'])
      .where('procedures.code', 'in', missing.map((m) => m.code))
      .execute();
    for (const row of rows) parsed.set(`${row.procedure_code}@${row.version}`, entryOf(row.procedure_code, JSON.parse(row.document) as ProcedureDocument));
  }
  return heads.map((h) => parsed.get(`${h.code}@${h.current_version}`)).filter((e): e is CatalogueEntry => e !== undefined);
}

/** The procedures some unit of the subtree is competent for (optionally just one procedure). */
export function proceduresFor(catalogue: CatalogueEntry[], unitCodes: Set<string>, procedureCode?: string): CatalogueEntry[] {
  return catalogue.filter((entry) => (procedureCode === undefined || entry.code === procedureCode) && entry.competentUnitCodes.some((code) => unitCodes.has(code)));
}

export function procedureCountersFor(catalogue: CatalogueEntry[], unitCodes: Set<string>, procedureCode?: string): Counters {
  const entries = proceduresFor(catalogue, unitCodes, procedureCode);
  const counters: Counters = { procedures: entries.length };
  for (const entry of entries) {
    for (const [name, on] of Object.entries(entry.flags)) counters[name] = (counters[name] ?? 0) + (on ? 1 : 0);
  }
  for (const name of ['procedures_published', 'procedures_eform', 'procedures_online', 'procedures_full_online', 'procedures_with_fee', 'procedures_online_payment']) counters[name] ??= 0;
  return counters;
}
