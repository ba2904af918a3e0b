import { Button, Card, Popconfirm, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { logoutEverywhere } from '../api/auth';
import { signedOut } from '../components/logout-button';
import { ProblemAlert } from '../components/problem-alert';

/** "Đăng xuất khỏi mọi thiết bị" — for a lost phone or a shared computer. */
export function SessionsCard() {
  const { t } = useTranslation();
  const end = useMutation({ mutationFn: logoutEverywhere, onSuccess: signedOut });
  return (
    <Card title={<h2 className="cqs-card-title">{t('security.sessionsTitle')}</h2>}>
      <ProblemAlert error={end.error} />
      <Typography.Paragraph>{t('security.sessionsText')}</Typography.Paragraph>
      <Popconfirm
        title={t('security.logoutAllConfirm')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onConfirm={() => end.mutate()}
      >
        <Button danger loading={end.isPending}>
          {t('security.logoutAll')}
        </Button>
      </Popconfirm>
    </Card>
  );
}
