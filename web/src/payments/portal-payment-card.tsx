import { Card, Descriptions, Flex, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '../api/dossiers';
import { fetchDossierPayment } from '../api/payments';
import { ProblemAlert } from '../components/problem-alert';
import { FeeLinesTable } from './fee-lines-table';
import { formatVnd } from './format';
import { OrderStatusTag } from './order-status-tag';
import { PayOnlineButton } from './pay-online-button';
import { ReceiptLinks } from './receipt-links';

export const paymentQueryKey = (code: string) => ['dossier-payment', code] as const;

/** Thanh toán lệ phí on the citizen's dossier page; nothing for a free procedure (no payment order). */
export function PortalPaymentCard({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  // Keyed by status too: a payment moves the dossier out of fee_due, and the card must follow it.
  const payment = useQuery({ queryKey: [...paymentQueryKey(dossier.code), dossier.status], queryFn: () => fetchDossierPayment(dossier.code) });
  if (payment.isError) return <ProblemAlert error={payment.error} />;
  const order = payment.data?.order;
  if (!payment.data || !order) return null;
  return (
    <Card title={<h2 className="cqs-card-title">{t('payments.card.title')}</h2>} data-testid="payment-card">
      <Flex vertical gap={16}>
        <Descriptions bordered column={{ xs: 1, md: 2 }} size="middle">
          <Descriptions.Item label={t('payments.card.amount')}>
            <Typography.Text strong data-testid="payment-amount">
              {formatVnd(order.amountVnd)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('payments.card.status')}>
            <OrderStatusTag status={order.status} />
          </Descriptions.Item>
        </Descriptions>
        <FeeLinesTable lines={order.lines} totalVnd={order.amountVnd} />
        {payment.data.canPayOnline && (
          <Flex vertical gap={8} align="flex-start">
            <Typography.Text>{t('payments.card.payHint')}</Typography.Text>
            <PayOnlineButton code={dossier.code} />
          </Flex>
        )}
        {order.status === 'cancelled' && <Typography.Text type="secondary">{t('payments.card.cancelledHint')}</Typography.Text>}
        <div>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('payments.card.receipts')}
          </Typography.Title>
          <ReceiptLinks payments={payment.data.payments} />
        </div>
      </Flex>
    </Card>
  );
}
