import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

// Preset colours (not the status presets, which the theme darkens below the contrast WCAG 1.4.3 asks of tag text).
const COLOURS: Record<string, string> = {
  pending: 'default',
  draft: 'blue',
  submitted: 'gold',
  returned: 'red',
  accepted: 'green',
  active: 'green',
  retired: 'default',
  open: 'blue',
  closed: 'default',
};

/** An assignment's, round's or template's status in words (colour is never the only sign: WCAG 1.4.1). */
export function ReportStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status] ?? 'default'} data-status={status}>
      {t(`reports.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

/** Today in Vietnam as yyyy-MM-dd (contract: local dates), whatever the browser's zone. */
export function vietnamToday(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** `2026-11-30` → `30/11/2026` (a local date, no time zone shift). */
export function formatLocalDate(day: string | null | undefined): string {
  if (!day) return '—';
  const [year, month, date] = day.slice(0, 10).split('-');
  return year && month && date ? `${date}/${month}/${year}` : day;
}
