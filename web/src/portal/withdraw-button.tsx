import { useState } from 'react';
import { Button, Popconfirm } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { newIdempotencyKey, storeActedDossier, type DossierDetail } from '../api/dossiers';
import { withdrawDossier } from '../api/filing';
import { ProblemAlert } from '../components/problem-alert';

/** Rút hồ sơ (status 7): only offered while the server lists `withdraw` among the allowed actions. */
export function WithdrawButton({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [key, setKey] = useState(newIdempotencyKey);
  const withdraw = useMutation({
    mutationFn: () => withdrawDossier(dossier.code, key),
    onSuccess: (updated) => storeActedDossier(queryClient, updated),
    onError: (error) => {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) setKey(newIdempotencyKey());
    },
  });
  return (
    <>
      <ProblemAlert error={withdraw.error} />
      <Popconfirm
        title={t('citizen.withdraw.confirmTitle')}
        description={t('citizen.withdraw.confirmText', { code: dossier.code })}
        okText={t('citizen.withdraw.confirm')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={() => withdraw.mutate()}
      >
        <Button danger loading={withdraw.isPending}>
          {t('citizen.withdraw.button')}
        </Button>
      </Popconfirm>
    </>
  );
}
