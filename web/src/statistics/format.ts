import dayjs, { type Dayjs } from 'dayjs';
import type { Period } from '../api/statistics';

// Figures use Vietnamese grouping whatever the page language (1.234; 92,5 %), like amounts do (payments/format.ts).
const count = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, minimumFractionDigits: 0 });
const score = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2, minimumFractionDigits: 0 });

export const formatCount = (value: number): string => count.format(value);

/** A 0..1 rate as `92,5 %` (no-break space); a rate without a denominator is `—`. */
export const formatRate = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '—' : `${decimal.format(rate * 100)}\u00a0%`;

/** Index points: `78,25`. */
export const formatScore = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : score.format(value));

/** `2026-03` → `03/2026`. */
export const formatMonth = (month: string): string => {
  const [year, number] = month.split('-');
  return `${number}/${year}`;
};

export type MonthRange = [Dayjs, Dayjs];

/** Default period: January of this year to this month (the dashboards work on whole months). */
export const thisYear = (): MonthRange => [dayjs().startOf('year'), dayjs().startOf('month')];

/** Whole months as the API's inclusive local dates: from the first day of the first month to the last of the last. */
export const periodOf = ([first, last]: MonthRange): Period => ({
  from: first.startOf('month').format('YYYY-MM-DD'),
  to: last.endOf('month').format('YYYY-MM-DD'),
});
