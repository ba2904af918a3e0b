import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail, DocumentMetadata } from '../api/documents';
import { formatDateTime } from '../format/date';
import { formatDay } from './days';

// Appendix VI of Decree 30/2020 in the decree's order; incoming-only fields last.
const KEYS: (keyof DocumentMetadata)[] = [
  'OrganId',
  'OrganName',
  'TypeName',
  'CodeNumber',
  'CodeNotation',
  'IssuedDate',
  'Subject',
  'SignerInfo',
  'To',
  'Priority',
  'DueDate',
  'PageAmount',
  'IssuedAmount',
  'Language',
  'FileCatalog',
  'FileNotation',
  'DocOrdinal',
  'ArrivalNumber',
  'ArrivalDate',
  'ToPlaces',
  'TraceHeaderList',
];
const DAYS = new Set(['IssuedDate', 'DueDate', 'ArrivalDate']);

function text(key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (DAYS.has(key) && typeof value === 'string') return formatDay(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    // TraceHeaderList: where the document passed and when (Decree 30/2020 Appendix VI), times in Vietnam.
    if (key === 'TraceHeaderList') {
      return value
        .map((entry) => (typeof entry === 'object' && entry ? entry as { organId?: string; at?: string } : {}))
        .map((entry) => [entry.organId, entry.at ? formatDateTime(entry.at) : null].filter(Boolean).join(' · '))
        .join('; ');
    }
    return value.map((entry) => (typeof entry === 'object' && entry ? Object.values(entry as object).filter(Boolean).join(' · ') : String(entry))).join('; ');
  }
  if (typeof value === 'object') return Object.values(value as object).filter(Boolean).join(', ') || null;
  return String(value);
}

/** The document's metadata as Appendix VI names it, empty fields left out. */
export function MetadataView({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const items = KEYS.map((key) => ({ key: String(key), value: text(String(key), document.metadata?.[key]) }))
    .filter((entry) => entry.value !== null)
    .map((entry) => ({ key: entry.key, label: t(`documents.metadata.${entry.key}`), children: entry.value }));
  return <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 2 }} items={items} />;
}
