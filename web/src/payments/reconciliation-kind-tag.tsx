import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReconciliationItemKind } from '../api/accountant';

// Only preset colours whose text styles.css darkens to 4.5:1 on the tinted background (WCAG 1.4.3).
const COLOURS: Record<ReconciliationItemKind, string> = {
  missing_on_platform: 'red',
  missing_at_gateway: 'gold',
  amount_mismatch: 'purple',
};

/** What a reconciliation difference is, in words (never a bare code). */
export function ReconciliationKindTag({ kind }: { kind: ReconciliationItemKind }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[kind]} bordered={false}>{t(`accountant.reconciliation.kinds.${kind}`)}</Tag>;
}
