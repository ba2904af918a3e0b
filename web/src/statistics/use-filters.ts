import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { periodOf, thisYear, type MonthRange } from './format';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Unit and months live in the address (`?unit=5&from=2026-01&to=2026-11`), so a leader who opens a dossier from the
 * overdue list comes back to the same view, and a view can be shared as a link.
 */
export function useStatisticsFilters() {
  const [params, setParams] = useSearchParams();
  const unitText = params.get('unit');
  const unit = unitText && /^\d+$/.test(unitText) ? Number(unitText) : undefined;
  const [defaultFrom, defaultTo] = thisYear();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const range: MonthRange = [MONTH.test(from) ? dayjs(`${from}-01`) : defaultFrom, MONTH.test(to) ? dayjs(`${to}-01`) : defaultTo];

  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  return {
    unit,
    range,
    period: periodOf(range),
    setUnit: (next: number) => update({ unit: String(next) }),
    setRange: ([first, last]: MonthRange) => update({ from: first.format('YYYY-MM'), to: last.format('YYYY-MM') }),
  };
}
