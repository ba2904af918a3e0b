// Sizes in Vietnamese notation (decimal comma) whatever the page language, like fees in procedures/format.ts.
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** `850 B`, `12,3 KB`, `1,5 MB`. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${decimal.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${decimal.format(bytes / 1024)} KB`;
  return `${decimal.format(bytes / (1024 * 1024))} MB`;
}
