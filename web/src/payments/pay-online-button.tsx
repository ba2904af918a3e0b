import { useState } from 'react';
import { Button } from 'antd';
import type { ButtonProps } from 'antd';
import { CreditCardOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { newIdempotencyKey } from '../api/dossiers';
import { startOnlinePayment } from '../api/payments';
import { ProblemAlert } from '../components/problem-alert';

/**
 * Thanh toán trực tuyến: opens a gateway attempt and sends the browser to the gateway's page. One Idempotency-Key per
 * intent (like the withdraw button): a double click or a retry after a lost answer reuses the same attempt; a refusal
 * (4xx) starts a fresh intent.
 */
export function PayOnlineButton({ code, type = 'primary' }: { code: string; type?: ButtonProps['type'] }) {
  const { t } = useTranslation();
  const [key, setKey] = useState(newIdempotencyKey);
  const pay = useMutation({
    mutationFn: () => startOnlinePayment(code, key),
    onSuccess: (started) => window.location.assign(started.paymentUrl),
    onError: (error) => {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) setKey(newIdempotencyKey());
    },
  });
  return (
    <>
      <ProblemAlert error={pay.error} />
      <Button type={type} icon={<CreditCardOutlined aria-hidden="true" />} loading={pay.isPending || pay.isSuccess} onClick={() => pay.mutate()}>
        {t('payments.card.payOnline')}
      </Button>
    </>
  );
}
