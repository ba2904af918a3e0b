import { Alert, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { usePageTitle } from '../components/use-page-title';
import { TotpCard } from '../account/totp-card';
import { PasswordCard } from '../account/password-card';
import { SessionsCard } from '../account/sessions-card';
import { LinkButton } from '../components/link-button';
import { homeOf } from '../auth/session';

export function AccountSecurityPage() {
  const { t } = useTranslation();
  usePageTitle(t('security.title'));
  const me = useMe().data;
  if (!me) return null;
  return (
    <Flex vertical gap={24} className="cqs-container cqs-narrow cqs-page">
      <Typography.Title level={1}>{t('security.title')}</Typography.Title>
      {me.mfaEnrolmentRequired && <Alert type="warning" showIcon message={t('security.forced')} />}
      <TotpCard me={me} />
      {!me.mfaEnrolmentRequired && (
        <>
          <PasswordCard />
          <SessionsCard />
          <Card>
            <LinkButton type="primary" to={homeOf(me)}>
              {t('security.continue')}
            </LinkButton>
          </Card>
        </>
      )}
    </Flex>
  );
}
