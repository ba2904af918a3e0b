import { Tag, Typography } from 'antd';
import { ExclamationCircleOutlined, LockOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Confidentiality, DocumentSummary, Urgency } from '../api/documents';
import { formatDay, isPastDay } from './days';
import './documents.css';

// Only preset colours whose text styles.css (or documents.css) darkens to 4.5:1 on the tinted background (WCAG 1.4.3).
const URGENCY_COLORS: Record<Urgency, string> = { normal: 'default', khan: 'gold', thuong_khan: 'volcano', hoa_toc: 'red' };
const SECRECY_COLORS: Record<Confidentiality, string> = { normal: 'default', mat: 'purple', toi_mat: 'magenta', tuyet_mat: 'red' };

/** Khẩn / Thượng khẩn / Hỏa tốc (Decree 30/2020 art. 15); a normal document shows no tag. */
export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();
  if (urgency === 'normal') return null;
  return (
    <Tag color={URGENCY_COLORS[urgency] ?? 'default'} bordered={false} icon={<ThunderboltOutlined aria-hidden="true" />}>
      {t(`documents.urgency.${urgency}`, { defaultValue: urgency })}
    </Tag>
  );
}

/** Mật / Tối mật / Tuyệt mật (Law on protecting state secrets 2018); a normal document shows no tag. */
export function ConfidentialityTag({ confidentiality }: { confidentiality: Confidentiality }) {
  const { t } = useTranslation();
  if (confidentiality === 'normal') return null;
  return (
    <Tag color={SECRECY_COLORS[confidentiality] ?? 'default'} bordered={false} icon={<LockOutlined aria-hidden="true" />}>
      {t(`documents.confidentiality.${confidentiality}`, { defaultValue: confidentiality })}
    </Tag>
  );
}

const STATUS_COLORS: Record<string, string> = {
  received: 'blue',
  registered: 'cyan',
  assigned: 'purple',
  done: 'green',
  filed: 'green',
  recalled: 'red',
  destroyed: 'default',
  drafting: 'default',
  in_review: 'purple',
  format_check: 'cyan',
  to_sign: 'gold',
  signed: 'blue',
  issued: 'green',
};

export function DocumentStatusTag({ document }: { document: Pick<DocumentSummary, 'status' | 'statusLabel'> }) {
  return (
    <Tag color={STATUS_COLORS[document.status] ?? 'default'} bordered={false}>
      {document.statusLabel || document.status}
    </Tag>
  );
}

/** A deadline as dd/MM/yyyy; one already past is red with a warning icon (the word "Quá hạn" is in the tab and the tag). */
export function Deadline({ day, open = true }: { day: string | null | undefined; open?: boolean }) {
  const { t } = useTranslation();
  if (!day) return <Typography.Text>{t('common.none')}</Typography.Text>;
  if (open && isPastDay(day)) {
    return (
      <Typography.Text type="danger" strong>
        <ExclamationCircleOutlined aria-hidden="true" /> {formatDay(day)} ({t('documents.tabs.overdue')})
      </Typography.Text>
    );
  }
  return <Typography.Text>{formatDay(day)}</Typography.Text>;
}
