import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/database/database.js';
import { MS_PER_DAY } from '../../platform/calendar/local-time.js';
import { CLOCK_RUNNING_STATUSES } from '../dossiers/dossier-status.js';
import { findVersion } from '../procedures/procedures.repository.js';
import { findStep } from '../dossiers/workflow.js';
import { resolveStatisticsScope } from './statistics-scope.js';
import type { OverdueList, OverdueQuery } from './statistics.schema.js';

/**
 * Overdue dossiers of a unit's subtree (the dashboard's overdue bar drills down here): clock running and past the
 * appointment date, as the officers' "overdue" worklist counts them, most overdue first. No applicant data is
 * listed, so the read is not one of personal data.
 */
export async function listOverdue(db: Db, actor: Actor, query: OverdueQuery, now = new Date()): Promise<OverdueList> {
  const scope = await resolveStatisticsScope(db, actor, query.unit);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const base = db
    .selectFrom('dossiers')
    .where('unit_id', 'in', scope.unitIds)
    .where('status', 'in', CLOCK_RUNNING_STATUSES)
    .where('due_at', '<', now.toISOString());
  const total = Number((await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .select(['code', 'procedure_code', 'procedure_name', 'procedure_version', 'unit_id', 'status', 'due_at', 'current_step'])
    .orderBy('due_at', 'asc')
    .orderBy('id', 'asc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const items: OverdueList['items'] = [];
  const stepNames = new Map<string, string | undefined>();
  for (const row of rows) {
    const unit = scope.units.get(Number(row.unit_id))!;
    const stepKey = `${row.procedure_code}@${row.procedure_version}#${row.current_step}`;
    if (row.current_step && !stepNames.has(stepKey)) {
      stepNames.set(stepKey, await findStepName(db, row.procedure_code, Number(row.procedure_version), row.current_step));
    }
    const stepName = stepNames.get(stepKey);
    items.push({
      code: row.code,
      procedureCode: row.procedure_code,
      procedureName: row.procedure_name,
      unit: { id: unit.id, name: unit.name },
      status: row.status,
      dueAt: row.due_at!,
      daysLate: Math.max(1, Math.ceil((now.getTime() - Date.parse(row.due_at!)) / MS_PER_DAY)),
      currentStep: row.current_step ? { code: row.current_step, name: stepName ?? row.current_step } : null,
    });
  }
  return { total, page, pageSize, items };
}

/** The step's name in the procedure version the dossier was filed under (its code when that version is gone). */
async function findStepName(db: Db, procedureCode: string, version: number, stepCode: string): Promise<string | undefined> {
  const stored = await findVersion(db, procedureCode, version);
  return stored ? findStep(stored.document, stepCode)?.name : undefined;
}
