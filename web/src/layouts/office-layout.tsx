import { Button, Flex, Layout, Space, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { Link, Outlet, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { LogoutButton } from '../components/logout-button';
import { LanguageSwitch } from '../components/language-switch';
import { SkipLink } from '../components/skip-link';
import { Emblem } from '../components/emblem';
import { OfficeMenu } from './office-menu';

/** The officials' frame: sider menu from the user's permissions, header with who is signed in. */
export function OfficeLayout() {
  const { t } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  if (!me) return null;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <Layout.Sider width={232} breakpoint="lg" collapsedWidth={0} className="cqs-sider">
        <Link to="/office" className="cqs-sider-brand">
          <Emblem size={28} />
          <span>{t('app.name')}</span>
        </Link>
        <OfficeMenu me={me} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="cqs-office-header">
          <Flex justify="flex-end" align="center" gap={16} style={{ height: '100%' }}>
            <div className="cqs-user-box">
              <Typography.Text strong className="cqs-user-name">
                {me.fullName}
              </Typography.Text>
              {me.unit && <Typography.Text className="cqs-user-unit">{me.unit.name}</Typography.Text>}
            </div>
            <Space>
              <LanguageSwitch />
              <Button icon={<SafetyOutlined aria-hidden="true" />} onClick={() => navigate('/account/security')}>
                {t('shell.security')}
              </Button>
              <LogoutButton />
            </Space>
          </Flex>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} className="cqs-office-main">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
