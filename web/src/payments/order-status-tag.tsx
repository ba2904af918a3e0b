import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../api/payments';

// Preset colours styles.css darkens to 4.5:1 on their tint (WCAG 1.4.3), as the dossier status tag uses.
const COLORS: Record<OrderStatus, string> = { pending: 'gold', paid: 'green', cancelled: 'default' };

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status] ?? 'default'} bordered={false}>
      {t(`payments.orderStatus.${status}`, { defaultValue: status })}
    </Tag>
  );
}
