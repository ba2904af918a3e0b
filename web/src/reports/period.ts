import dayjs, { type Dayjs } from 'dayjs';
import type { ReportRegime } from '../api/reports';

export interface PeriodPick {
  /** monthly: a day in the month; quarterly: a day in the quarter; half_yearly / yearly: a day in the year. */
  anchor?: Dayjs;
  half?: 1 | 2;
  /** thematic / ad hoc: any inclusive range. */
  range?: [Dayjs, Dayjs];
}

const DAY = 'YYYY-MM-DD';

/** The inclusive local dates (yyyy-MM-dd) of the period a regime's pick names (contract: periods are local dates). */
export function periodOf(regime: ReportRegime, pick: PeriodPick): { from: string; to: string } | null {
  const { anchor, half, range } = pick;
  if (regime === 'thematic' || regime === 'ad_hoc') {
    return range ? { from: range[0].format(DAY), to: range[1].format(DAY) } : null;
  }
  if (!anchor) return null;
  const year = anchor.year();
  if (regime === 'monthly') return { from: anchor.startOf('month').format(DAY), to: anchor.endOf('month').format(DAY) };
  if (regime === 'yearly') return { from: `${year}-01-01`, to: `${year}-12-31` };
  if (regime === 'half_yearly') return half === 2 ? { from: `${year}-07-01`, to: `${year}-12-31` } : { from: `${year}-01-01`, to: `${year}-06-30` };
  const firstMonth = Math.floor(anchor.month() / 3) * 3;
  const start = dayjs(new Date(year, firstMonth, 1));
  return { from: start.format(DAY), to: start.add(2, 'month').endOf('month').format(DAY) };
}

/** What the date picker of a regime shows. */
export function pickerOf(regime: ReportRegime): { picker: 'month' | 'quarter' | 'year'; format: string } | null {
  switch (regime) {
    case 'monthly':
      return { picker: 'month', format: 'MM/YYYY' };
    case 'quarterly':
      return { picker: 'quarter', format: '[Q]Q/YYYY' };
    case 'half_yearly':
    case 'yearly':
      return { picker: 'year', format: 'YYYY' };
    default:
      return null;
  }
}
