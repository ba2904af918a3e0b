import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DossierStatus } from '../api/dossiers';

// Only preset colours whose text styles.css darkens to 4.5:1 on the tinted background (WCAG 1.4.3).
const COLORS: Record<DossierStatus, string> = {
  submitted: 'blue',
  received: 'cyan',
  refused_intake: 'red',
  processing: 'purple',
  supplement_requested: 'gold',
  fee_due: 'gold',
  withdrawn: 'default',
  stopped: 'red',
  result_ready: 'green',
  returned: 'green',
};

/** A dossier's status by its national name (Decision 873/QĐ-BTTTT), coloured by what it asks of the reader. */
export function StatusTag({ status }: { status: DossierStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status] ?? 'default'} bordered={false}>
      {t(`dossier.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}
