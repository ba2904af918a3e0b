import { useState } from 'react';
import { App, Button, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { newIdempotencyKey } from '../api/dossiers';
import { recordCounterPayment, type CounterMethod } from '../api/payments';
import { FormSelect } from '../components/form-select';
import { ProblemAlert } from '../components/problem-alert';
import { formatVnd } from './format';

interface Values {
  method: CounterMethod;
  reference?: string;
}

/**
 * Thu phí tại quầy: the officer confirms the full amount of the order was handed over (partial payments are refused by
 * the server, PAYMENT_AMOUNT_MISMATCH), so the amount is the order's and not editable; a transfer needs its reference.
 */
export function CounterPaymentForm({ code, amountVnd }: { code: string; amountVnd: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch('method', form);
  const [key, setKey] = useState(newIdempotencyKey);
  const collect = useMutation({
    mutationFn: (values: Values) =>
      recordCounterPayment(code, { method: values.method, amountVnd, ...(values.reference?.trim() ? { reference: values.reference.trim() } : {}) }, key),
    onSuccess: () => {
      void message.success(t('payments.counter.done', { amount: formatVnd(amountVnd) }));
      setKey(newIdempotencyKey());
      void client.invalidateQueries({ queryKey: ['dossier-payment', code] });
      void client.invalidateQueries({ queryKey: ['dossier', code] });
      void client.invalidateQueries({ queryKey: ['dossiers'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) setKey(newIdempotencyKey());
    },
  });
  return (
    <Form<Values> form={form} name="counter-payment" layout="vertical" requiredMark initialValues={{ method: 'cash' }} onFinish={(values) => collect.mutate(values)} style={{ maxWidth: 520 }}>
      <ProblemAlert error={collect.error} />
      <Form.Item label={t('payments.counter.method')} name="method" rules={[{ required: true, message: t('common.required', { field: t('payments.counter.method') }) }]}>
        <FormSelect<CounterMethod>
          options={(['cash', 'bank_transfer'] as const).map((value) => ({ value, label: t(`payments.method.${value}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('payments.counter.amount')} htmlFor="counter-payment-amount" extra={t('payments.counter.amountHelp')}>
        <Input id="counter-payment-amount" value={formatVnd(amountVnd)} readOnly />
      </Form.Item>
      {method === 'bank_transfer' && (
        <Form.Item
          label={t('payments.counter.reference')}
          name="reference"
          extra={t('payments.counter.referenceHelp')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('payments.counter.reference') }) }]}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={collect.isPending}>
        {t('payments.counter.submit')}
      </Button>
    </Form>
  );
}
