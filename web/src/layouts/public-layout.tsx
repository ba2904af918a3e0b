import { Flex, Layout, Space, Typography } from 'antd';
import { Link, Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/language-switch';
import { SkipLink } from '../components/skip-link';
import { usePublicInfo } from '../api/use-public-info';
import { homeOf, useMe } from '../auth/session';
import { Emblem } from '../components/emblem';
import { LinkButton } from '../components/link-button';
import { LogoutButton } from '../components/logout-button';
import { CitizenLinks } from '../portal/citizen-links';
import { VerifySignatureLink } from '../signing/verify-link';
import { StatisticsLink } from '../statistics/statistics-link';

/** The citizen-facing frame: province header, main content, footer. */
export function PublicLayout() {
  const { t } = useTranslation();
  const info = usePublicInfo();
  const me = useMe();
  const provinceName = info.data?.province?.name;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <Layout.Header className="cqs-public-header">
        <Flex justify="space-between" align="center" gap={16} style={{ height: '100%' }}>
          <Link to="/" className="cqs-brand" aria-label={t('app.name')}>
            <Emblem />
            <span>
              <span className="cqs-brand-title">{provinceName ?? t('app.name')}</span>
              <span className="cqs-brand-subtitle">{t('public.portalTitle')}</span>
            </span>
          </Link>
          <Space size="middle">
            <StatisticsLink place="header" />
            <VerifySignatureLink place="header" />
            <LanguageSwitch dark />
            {me.data ? (
              <>
                {me.data.kind === 'citizen' && <CitizenLinks />}
                <LinkButton ghost to={homeOf(me.data)}>
                  {me.data.fullName}
                </LinkButton>
                <LogoutButton ghost />
              </>
            ) : (
              <LinkButton ghost to="/login">
                {t('public.signIn')}
              </LinkButton>
            )}
          </Space>
        </Flex>
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} className="cqs-public-main">
        <Outlet />
      </Layout.Content>
      <Layout.Footer className="cqs-footer">
        <Typography.Text>
          {t('public.footer', {
            year: new Date().getFullYear(),
            owner: provinceName ?? t('app.name'),
          })}
        </Typography.Text>
        <nav aria-label={t('signing.verify.nav')} className="cqs-footer-nav">
          <VerifySignatureLink place="footer" />
        </nav>
        <nav aria-label={t('statistics.publicLink')} className="cqs-footer-nav">
          <StatisticsLink place="footer" />
        </nav>
      </Layout.Footer>
    </Layout>
  );
}
