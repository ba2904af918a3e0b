import { useEffect, useState } from 'react';
import { Card, Checkbox, Form, Input, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchFeeQuote } from '../api/fees';
import type { CounterMethod } from '../api/payments';
import { FormSelect } from '../components/form-select';
import { formatVnd } from './format';

/** The part of the counter filing form's values this block owns. */
export interface CounterFilingPaymentValues {
  payNow?: boolean;
  payment?: { method: CounterMethod; reference?: string };
}

/** The body's `payment` when the officer collects at filing time, else undefined (the dossier then waits in fee_due). */
export function filingPaymentOf(values: CounterFilingPaymentValues): { method: CounterMethod; reference?: string } | undefined {
  if (!values.payNow || !values.payment) return undefined;
  const reference = values.payment.reference?.trim();
  return { method: values.payment.method, ...(reference ? { reference } : {}) };
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Thu lệ phí ngay: a choice inside the counter filing form (an antd Form). The amount shown is the server's quote for
 * the counter channel (`POST /api/procedures/{code}/fee-quote`); the server computes it again when filing.
 */
export function CounterFilingPayment({ procedureCode, formData }: { procedureCode: string; formData: Record<string, unknown> }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CounterFilingPaymentValues>();
  const payNow = Form.useWatch('payNow', form);
  const method = Form.useWatch(['payment', 'method'], form);
  const settledForm = useDebounced(formData, 400);
  const quote = useQuery({
    queryKey: ['fee-quote', procedureCode, 'counter', settledForm],
    queryFn: () => fetchFeeQuote(procedureCode, 'counter', settledForm),
    retry: false,
  });
  // A free procedure (total 0) files exactly as before: no choice to make.
  if (quote.data && quote.data.totalVnd === 0) return null;
  return (
    <Card title={<h2 className="cqs-card-title">{t('payments.card.title')}</h2>}>
      {quote.data && <Typography.Paragraph strong>{t('payments.counter.quote', { amount: formatVnd(quote.data.totalVnd) })}</Typography.Paragraph>}
      <Form.Item name="payNow" valuePropName="checked" extra={t('payments.counter.collectNowHelp')}>
        <Checkbox>{t('payments.counter.collectNow')}</Checkbox>
      </Form.Item>
      {payNow && (
        <>
          <Form.Item
            label={t('payments.counter.method')}
            name={['payment', 'method']}
            initialValue="cash"
            rules={[{ required: true, message: t('common.required', { field: t('payments.counter.method') }) }]}
          >
            <FormSelect<CounterMethod> options={(['cash', 'bank_transfer'] as const).map((value) => ({ value, label: t(`payments.method.${value}`) }))} />
          </Form.Item>
          {method === 'bank_transfer' && (
            <Form.Item
              label={t('payments.counter.reference')}
              name={['payment', 'reference']}
              extra={t('payments.counter.referenceHelp')}
              rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('payments.counter.reference') }) }]}
            >
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          )}
        </>
      )}
    </Card>
  );
}
