import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../components/use-page-title';
import { CredentialsCard } from '../signing/credentials-card';
import { TrustAnchorsCard } from '../signing/trust-anchors-card';
import '../signing/signing.css';

/** Chữ ký số (signing.manage): the trust list and the registered signing credentials. */
export function SigningAdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('signing.admin.title'));
  return (
    <>
      <Typography.Title level={1}>{t('signing.admin.title')}</Typography.Title>
      <Typography.Paragraph>{t('signing.admin.intro')}</Typography.Paragraph>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <TrustAnchorsCard />
        <CredentialsCard />
      </Space>
    </>
  );
}
