// Dates are shown as dd/MM/yyyy in Vietnam's time zone, whatever the browser's own zone is.
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function pieces(iso: string): Record<string, string> | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return Object.fromEntries(parts.formatToParts(date).map((part) => [part.type, part.value]));
}

/** `27/11/2026` */
export function formatDate(iso: string | null | undefined): string {
  const p = iso ? pieces(iso) : undefined;
  return p ? `${p.day}/${p.month}/${p.year}` : '—';
}

/** `27/11/2026 20:09` */
export function formatDateTime(iso: string | null | undefined): string {
  const p = iso ? pieces(iso) : undefined;
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : '—';
}

/** Start of a calendar day in Vietnam (UTC+7, no daylight saving) as an ISO instant, for date filters. */
export function startOfVietnamDay(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day) - 7 * 3_600_000).toISOString();
}
