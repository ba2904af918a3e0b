import type { Executor } from '../../platform/database/database.js';
import type { Language } from '../../platform/i18n/language.js';
import { computeServiceIndex } from '../service-index/compute-service-index.js';
import { rate, resolvePeriod } from './period.js';
import { childOf, provinceScope } from './statistics-scope.js';
import { addCounters, sumCounters, zeroCounters, type Counters } from './statistics.repository.js';
import type { PublicStatistics, PublicStatisticsQuery } from './statistics.schema.js';

const onTimeRateOf = (c: Counters) => rate(c.finished_early + c.finished_on_time, c.finished_early + c.finished_on_time + c.finished_late);

/**
 * The public statistics page (issue 6, like the national portal's): the province's monthly figures and, for each
 * department and commune (children of the province root, each with its subtree), received, finished, on-time rate
 * and the Decision 766 index score. Counts only: no dossier, person or officer is named, so no login is needed.
 */
export async function getPublicStatistics(db: Executor, language: Language, query: PublicStatisticsQuery, now = new Date()): Promise<PublicStatistics> {
  const period = resolvePeriod(query, language, now);
  const scope = await provinceScope(db);
  const empty = { received: 0, finished: 0, onTimeRate: null, onlineShare: null, score: null };
  if (!scope) return { from: period.from, to: period.to, province: empty, months: period.months.map((month) => ({ month, ...empty })), units: [] };

  const months = { first: period.months[0], last: period.months[period.months.length - 1] };
  const [byMonth, byUnit, index] = await Promise.all([
    sumCounters(db, scope.unitIds, months, 'month'),
    sumCounters(db, scope.unitIds, months, 'unit_id'),
    computeServiceIndex(db, { unitIds: [scope.unit.id, ...scope.children.map((c) => c.id)], from: period.from, to: period.to, lang: language }),
  ]);
  const scores = new Map(index.results.map((r) => [r.unit.id, r.score]));
  const total = byMonth.reduce((sum, r) => addCounters(sum, r.counters), zeroCounters());

  const top = childOf(scope);
  const perChild = new Map<number, Counters>();
  for (const row of byUnit) {
    const child = top.get(Number(row.key));
    if (child === undefined || child === scope.unit.id) continue;
    addCounters(perChild.get(child) ?? perChild.set(child, zeroCounters()).get(child)!, row.counters);
  }

  return {
    from: period.from,
    to: period.to,
    province: {
      received: total.received,
      finished: total.finished,
      onTimeRate: onTimeRateOf(total),
      onlineShare: rate(total.received_online, total.received),
      score: scores.get(scope.unit.id) ?? null,
    },
    months: period.months.map((month) => {
      const c = byMonth.find((r) => r.key === month)?.counters ?? zeroCounters();
      return { month, received: c.received, finished: c.finished, onTimeRate: onTimeRateOf(c), onlineShare: rate(c.received_online, c.received) };
    }),
    units: scope.children.map((unit) => {
      const c = perChild.get(unit.id) ?? zeroCounters();
      return { unit, received: c.received, finished: c.finished, onTimeRate: onTimeRateOf(c), score: scores.get(unit.id) ?? null };
    }),
  };
}
