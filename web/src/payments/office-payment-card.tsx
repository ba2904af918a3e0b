import { Card, Descriptions, Flex, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '../api/dossiers';
import { fetchDossierPayment } from '../api/payments';
import { ProblemAlert } from '../components/problem-alert';
import { CounterPaymentForm } from './counter-payment-form';
import { FeeLinesTable } from './fee-lines-table';
import { formatVnd } from './format';
import { OrderStatusTag } from './order-status-tag';
import { ReceiptLinks } from './receipt-links';

/**
 * Thanh toán lệ phí as the office sees it, with "Thu phí tại quầy" when the server says this officer may collect
 * (`canRecordCounter`); nothing for a free procedure (no payment order).
 */
export function OfficePaymentCard({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  // Keyed by status too: collecting moves the dossier out of fee_due, and the card must follow it.
  const payment = useQuery({ queryKey: ['dossier-payment', dossier.code, dossier.status], queryFn: () => fetchDossierPayment(dossier.code) });
  if (payment.isError) return <ProblemAlert error={payment.error} />;
  const order = payment.data?.order;
  if (!payment.data || !order) return null;
  return (
    <Card data-testid="office-payment">
      <section aria-labelledby="dossier-payment">
        <Typography.Title id="dossier-payment" level={2} style={{ fontSize: 20, marginTop: 0 }}>
          {t('payments.card.title')}
        </Typography.Title>
        <Flex vertical gap={16}>
          <Descriptions bordered column={{ xs: 1, md: 2 }} size="middle">
            <Descriptions.Item label={t('payments.card.amount')}>
              <Typography.Text strong>{formatVnd(order.amountVnd)}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('payments.card.status')}>
              <OrderStatusTag status={order.status} />
            </Descriptions.Item>
          </Descriptions>
          <FeeLinesTable lines={order.lines} totalVnd={order.amountVnd} />
          <div>
            <Typography.Title level={3} style={{ fontSize: 16 }}>
              {t('payments.card.receipts')}
            </Typography.Title>
            <ReceiptLinks payments={payment.data.payments} />
          </div>
          {payment.data.canRecordCounter && (
            <div>
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                {t('payments.counter.title')}
              </Typography.Title>
              <CounterPaymentForm code={dossier.code} amountVnd={order.amountVnd} />
            </div>
          )}
        </Flex>
      </section>
    </Card>
  );
}
