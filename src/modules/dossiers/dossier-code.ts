import { sql } from 'kysely';
import type { Tx } from '../../platform/database/database.js';

/**
 * Mã hồ sơ from the configured pattern (domain.md §4, default `{unitCode}-{yymmdd}-{seq4}`): the receiving unit's
 * identifier, the local date of receipt and the sequence of that unit and day. A sequence longer than its width
 * is printed in full rather than cut, so codes stay unique past 9,999 a day.
 */
export function formatDossierCode(pattern: string, parts: { unitCode: string; localDate: string; seq: number }): string {
  const [yyyy, mm, dd] = parts.localDate.split('-');
  const yy = yyyy.slice(2);
  return pattern.replace(/\{(unitCode|yyyy|yy|mm|dd|yymmdd|seq([1-9]))\}/g, (_, name: string, width?: string) => {
    if (width) return String(parts.seq).padStart(Number(width), '0');
    return { unitCode: parts.unitCode, yyyy, yy, mm, dd, yymmdd: `${yy}${mm}${dd}` }[name] ?? '';
  });
}

/**
 * The next sequence number of a unit and local day, taken inside the caller's transaction. The upsert locks the
 * counter row until commit (PostgreSQL row lock; SQLite has one writer), so concurrent submissions queue on it
 * and a rolled-back submission gives its number back: the sequence stays gap-free.
 */
export async function nextDossierSequence(tx: Tx, unitId: number, localDate: string): Promise<number> {
  const row = await tx
    .insertInto('dossier_code_counters')
    .values({ unit_id: unitId, day: localDate, last_seq: 1 })
    .onConflict((oc) => oc.columns(['unit_id', 'day']).doUpdateSet({ last_seq: sql`dossier_code_counters.last_seq + 1` }))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}
