import { useEffect, useState } from 'react';
import { Form, Input, InputNumber, List, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../components/form-modal';
import { ProblemAlert } from '../components/problem-alert';
import { fetchPaymentDetail, recordRefund, type RefundInput } from '../api/accountant';
import { newIdempotencyKey } from '../api/dossiers';
import { formatDateTime } from '../format/date';
import { formatVnd } from './format';

/** Money handed back on one payment; the server refuses more than is left (REFUND_EXCEEDS_PAYMENT). */
export function RefundModal({ paymentId, onClose, onRefunded }: { paymentId: number | null; onClose: () => void; onRefunded: (amountVnd: number) => void }) {
  const { t } = useTranslation();
  const payment = useQuery({ queryKey: ['payment', paymentId], queryFn: () => fetchPaymentDetail(paymentId!), enabled: paymentId !== null });
  const detail = payment.data;
  // A fresh key each time the dialog opens for a payment: one intended refund, however often it is sent.
  const [key, setKey] = useState(newIdempotencyKey);
  useEffect(() => {
    if (paymentId !== null) setKey(newIdempotencyKey());
  }, [paymentId]);
  return (
    <FormModal<RefundInput>
      name="refund"
      open={paymentId !== null}
      title={t('accountant.reconciliation.refundTitle', { receiptNo: detail?.receiptNo ?? '' })}
      okText={t('accountant.reconciliation.refund')}
      onCancel={onClose}
      onSubmit={async (values) => {
        await recordRefund(paymentId!, { amountVnd: values.amountVnd, reason: values.reason.trim(), reference: values.reference?.trim() || undefined }, key);
        await payment.refetch();
        onRefunded(values.amountVnd);
      }}
    >
      <ProblemAlert error={payment.error} />
      {detail && (
        <Typography.Paragraph>
          {detail.dossierCode} — {detail.procedureName}
          <br />
          {t('accountant.reconciliation.refundSummary', {
            amount: formatVnd(detail.amountVnd),
            refunded: formatVnd(detail.refundedVnd),
            refundable: formatVnd(detail.refundableVnd),
          })}
        </Typography.Paragraph>
      )}
      {detail && detail.refunds.length > 0 && (
        <List
          size="small"
          header={t('accountant.reconciliation.refundHistory')}
          dataSource={detail.refunds}
          style={{ marginBottom: 16 }}
          renderItem={(r) => (
            <List.Item>
              {formatVnd(r.amountVnd)} · {r.reason} · {r.recordedBy} · {formatDateTime(r.refundedAt)}
            </List.Item>
          )}
        />
      )}
      <Form.Item
        label={t('accountant.reconciliation.refundAmount')}
        name="amountVnd"
        rules={[{ required: true, message: t('accountant.reconciliation.refundAmountRequired') }]}
      >
        <InputNumber min={1} max={detail?.refundableVnd || undefined} precision={0} step={1000} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        label={t('accountant.reconciliation.refundReason')}
        name="reason"
        rules={[{ required: true, whitespace: true, message: t('accountant.reconciliation.refundReasonRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item label={t('accountant.reconciliation.refundReference')} name="reference">
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}
