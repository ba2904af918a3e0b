import { Card, Descriptions, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { usePageTitle } from '../components/use-page-title';
import { LinkButton } from '../components/link-button';

/** Tài khoản của tôi — the citizen's page; the dossier module fills "Hồ sơ của tôi" later. */
export function PortalPage() {
  const { t } = useTranslation();
  usePageTitle(t('portal.title'));
  const me = useMe().data;
  if (!me) return null;
  return (
    <Flex vertical gap={24} className="cqs-container cqs-narrow cqs-page">
      <Typography.Title level={1}>{t('portal.title')}</Typography.Title>
      <Card title={<h2 className="cqs-card-title">{t('portal.profile')}</h2>} extra={<LinkButton to="/account/security">{t('shell.security')}</LinkButton>}>
        <Descriptions column={1}>
          <Descriptions.Item label={t('portal.fullName')}>{me.fullName}</Descriptions.Item>
          <Descriptions.Item label={t('portal.username')}>{me.username}</Descriptions.Item>
          <Descriptions.Item label={t('portal.email')}>{me.email ?? t('common.none')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={<h2 className="cqs-card-title">{t('portal.dossiers')}</h2>}>
        <Empty description={t('portal.dossiersEmpty')} />
      </Card>
    </Flex>
  );
}
