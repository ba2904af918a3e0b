import type { ReportRegime } from './reports.schema.js';

const ROMAN = ['I', 'II', 'III', 'IV'];
const short = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/**
 * The period as Vietnamese reports name it (Decree 09/2019 art. 12 sets the periods of periodic reports):
 * "Tháng 11/2026", "Quý IV/2026", "6 tháng đầu năm 2026", "Năm 2026"; other regimes name their dates.
 */
export function periodLabel(regime: ReportRegime, from: string, to: string): string {
  const year = from.slice(0, 4);
  const month = Number(from.slice(5, 7));
  switch (regime) {
    case 'monthly':
      return `Tháng ${month}/${year}`;
    case 'quarterly':
      return `Quý ${ROMAN[Math.floor((month - 1) / 3)]}/${year}`;
    case 'half_yearly':
      return month <= 6 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
    case 'yearly':
      return `Năm ${year}`;
    default:
      return `Từ ngày ${short(from)} đến ngày ${short(to)}`;
  }
}
