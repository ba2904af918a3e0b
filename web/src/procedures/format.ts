import type { TFunction } from 'i18next';
import type { Duration } from '../api/procedures';

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** `1.000.000 đ`, or "Miễn phí" for a procedure without fees (Vietnamese grouping whatever the page language). */
export function formatFee(t: TFunction, amountVnd: number): string {
  return amountVnd === 0 ? t('procedures.free') : t('procedures.vnd', { amount: number.format(amountVnd) });
}

/** "3 ngày làm việc" / "8 giờ làm việc". */
export function formatDuration(t: TFunction, duration: Duration): string {
  const amount = number.format(duration.amount);
  return duration.unit === 'working_days' ? t('procedures.workingDays', { amount }) : t('procedures.workingHours', { amount });
}

const vnd = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** `10.000 ₫`: whole đồng with Vietnamese grouping whatever the page language (the fee quote, payments). */
export function formatVnd(amountVnd: number): string {
  return `${vnd.format(amountVnd)} ₫`;
}
