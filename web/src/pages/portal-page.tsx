import { Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { usePageTitle } from '../components/use-page-title';
import { LinkButton } from '../components/link-button';

/** Tài khoản của tôi — the citizen's page, with the ways into the one-stop shop. */
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
        <Flex wrap gap={12}>
          <LinkButton type="primary" to="/portal/dossiers">
            {t('citizen.menu.myDossiers')}
          </LinkButton>
          <LinkButton to="/portal/notifications">{t('citizen.menu.notifications')}</LinkButton>
          <LinkButton to="/services">{t('citizen.dossiers.fileNew')}</LinkButton>
          <LinkButton to="/tracking">{t('citizen.tracking.title')}</LinkButton>
        </Flex>
      </Card>
    </Flex>
  );
}
