import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../format/date';
import type { JsonSchema } from './procedure-version';

interface Row {
  key: string;
  label: string;
  value: string;
}

/** One value as text: dates as dd/MM/yyyy, yes/no for booleans, lists joined. */
function show(value: unknown, schema: JsonSchema | undefined, yesNo: (value: boolean) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return yesNo(value);
  if (Array.isArray(value)) return value.map((item) => show(item, schema?.items, yesNo)).join('; ');
  if (typeof value === 'string' && schema?.format === 'date') return formatDate(`${value}T00:00:00+07:00`);
  if (typeof value === 'string' && schema?.format === 'date-time') return formatDateTime(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Fields in the order the form shows them (ui:order), then any the schema does not list. */
function rowsOf(data: Record<string, unknown>, schema: JsonSchema | undefined, order: string[], prefix: string, yesNo: (value: boolean) => string): Row[] {
  const properties = schema?.properties ?? {};
  const keys = [...new Set([...order.filter((key) => key in data), ...Object.keys(properties).filter((key) => key in data), ...Object.keys(data)])];
  return keys.flatMap((key) => {
    const field = properties[key];
    const label = `${prefix}${field?.title ?? key}`;
    const value = data[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && field?.properties) {
      return rowsOf(value as Record<string, unknown>, field, [], `${label} › `, yesNo);
    }
    return [{ key: `${prefix}${key}`, label, value: show(value, field, yesNo) }];
  });
}

/** The application form as filed, read-only, labelled with the titles of the procedure version's schema. */
export function FormDataView({ data, schema, uiSchema }: { data: Record<string, unknown>; schema?: JsonSchema; uiSchema?: Record<string, unknown> }) {
  const { t } = useTranslation();
  const order = Array.isArray(uiSchema?.['ui:order']) ? (uiSchema['ui:order'] as string[]) : [];
  const rows = rowsOf(data, schema, order, '', (value) => (value ? t('common.yes') : t('common.no')));
  if (rows.length === 0) return <Typography.Paragraph>{t('officeDossiers.detail.formEmpty')}</Typography.Paragraph>;
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      items={rows.map((row) => ({ key: row.key, label: row.label, children: row.value }))}
    />
  );
}
