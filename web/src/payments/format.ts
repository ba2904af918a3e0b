// Whole đồng with Vietnamese grouping whatever the page language: `10.000 ₫` (amounts are integers, contract "Money").
const grouping = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

export function formatVnd(amountVnd: number): string {
  return `${grouping.format(amountVnd)} ₫`;
}
