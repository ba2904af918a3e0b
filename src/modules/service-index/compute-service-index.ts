import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database.js';
import { getCurrentConfig } from './config-store.js';
import { loadProcedureCatalogue, procedureCountersFor } from './procedure-counters.js';
import { evaluateFormula, MONTHLY_COUNTERS, type Counters, type ServiceIndexConfig } from './service-index.config.js';
import { UnitsTree } from './units-tree.js';

export interface IndicatorResult {
  code: string;
  name: string;
  group: string;
  points: number;
  threshold: number;
  numerator: number;
  denominator: number;
  value: number | null;
  score: number | null;
  noData: boolean;
}
export interface GroupResult {
  code: string;
  name: string;
  weight: number;
  score: number | null;
  indicators: IndicatorResult[];
}
export interface UnitIndexResult {
  unit: { id: number; code: string; name: string };
  score: number | null;
  groups: GroupResult[];
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Monthly counters summed per unit over whole months (one grouped query over the summary table). */
async function countersByUnit(db: Executor, fromMonth: string, toMonth: string, procedureCode: string | undefined): Promise<Map<number, Counters>> {
  let query = db
    .selectFrom('service_index_monthly')
    .select('unit_id')
    .select(MONTHLY_COUNTERS.map((name) => sql<number>`sum(${sql.ref(name)})`.as(name)))
    .where('month', '>=', fromMonth)
    .where('month', '<=', toMonth)
    .groupBy('unit_id');
  if (procedureCode !== undefined) query = query.where('procedure_code', '=', procedureCode);
  const rows = (await query.execute()) as unknown as ({ unit_id: number } & Record<string, number | string>)[];
  return new Map(rows.map((row) => [Number(row.unit_id), Object.fromEntries(MONTHLY_COUNTERS.map((name) => [name, Number(row[name] ?? 0)]))]));
}

function sumSubtree(tree: UnitsTree, unitId: number, byUnit: Map<number, Counters>): Counters {
  const total: Counters = Object.fromEntries(MONTHLY_COUNTERS.map((name) => [name, 0]));
  for (const id of tree.subtree(unitId)) {
    const counters = byUnit.get(id);
    if (!counters) continue;
    for (const name of MONTHLY_COUNTERS) total[name] += counters[name];
  }
  return total;
}

/**
 * Decision 766 scoring (domain.md §5): value ≥ threshold → the indicator's points, else value × points ÷ threshold.
 * An indicator without data (denominator 0) scores nothing and its points leave the group, which scales to the
 * points that had data; the unit's score likewise scales to the groups that had data.
 */
export function scoreIndex(config: ServiceIndexConfig, counters: Counters, lang: 'vi' | 'en'): { score: number | null; groups: GroupResult[] } {
  const groups = config.groups.map((group): GroupResult => {
    const indicators = config.indicators
      .filter((indicator) => indicator.group === group.code)
      .map((indicator): IndicatorResult => {
        const numerator = evaluateFormula(indicator.numerator, counters);
        const denominator = evaluateFormula(indicator.denominator, counters);
        const noData = denominator <= 0;
        const value = noData ? null : Math.min(1, Math.max(0, numerator / denominator));
        const score = value === null ? null : value >= indicator.threshold ? indicator.points : (value * indicator.points) / indicator.threshold;
        return {
          code: indicator.code,
          name: indicator.name[lang],
          group: group.code,
          points: indicator.points,
          threshold: indicator.threshold,
          numerator,
          denominator,
          value: value === null ? null : round(value, 4),
          score: score === null ? null : round(score, 2),
          noData,
        };
      });
    const withData = indicators.filter((i) => !i.noData);
    const points = withData.reduce((sum, i) => sum + i.points, 0);
    const earned = withData.reduce((sum, i) => sum + (i.score ?? 0), 0);
    return { code: group.code, name: group.name[lang], weight: group.weight, score: points > 0 ? round((group.weight * earned) / points, 2) : null, indicators };
  });
  const totalWeight = groups.reduce((sum, g) => sum + g.weight, 0);
  const scored = groups.filter((g) => g.score !== null);
  const scoredWeight = scored.reduce((sum, g) => sum + g.weight, 0);
  const earned = scored.reduce((sum, g) => sum + g.score!, 0);
  return { score: scoredWeight > 0 ? round((earned * totalWeight) / scoredWeight, 2) : null, groups };
}

/** Figures of each unit include its whole subtree. Names in `lang`. */
export async function computeServiceIndex(
  db: Executor,
  input: { unitIds: number[]; from: string; to: string; procedureCode?: string; lang: 'vi' | 'en' },
): Promise<{ configVersion: number; results: UnitIndexResult[] }> {
  const [config, tree, byUnit, catalogue] = await Promise.all([
    getCurrentConfig(db),
    UnitsTree.load(db),
    countersByUnit(db, input.from.slice(0, 7), input.to.slice(0, 7), input.procedureCode),
    loadProcedureCatalogue(db),
  ]);
  const results = input.unitIds.flatMap((unitId): UnitIndexResult[] => {
    const unit = tree.find(unitId);
    if (!unit) return [];
    const subtree = tree.subtree(unitId);
    const codes = new Set(subtree.map((id) => tree.find(id)!.code));
    const counters = { ...sumSubtree(tree, unitId, byUnit), ...procedureCountersFor(catalogue, codes, input.procedureCode) };
    return [{ unit: { id: unit.id, code: unit.code, name: unit.name }, ...scoreIndex(config.document, counters, input.lang) }];
  });
  return { configVersion: config.version, results };
}
