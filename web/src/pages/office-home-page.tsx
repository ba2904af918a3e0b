import { Card, Descriptions, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { formatDateTime } from '../format/date';
import { usePageTitle } from '../components/use-page-title';

/** Trang làm việc — every official's landing page; business modules add their widgets here. */
export function OfficeHomePage() {
  const { t } = useTranslation();
  usePageTitle(t('workspace.title'));
  const me = useMe().data;
  if (!me) return null;
  return (
    <>
      <Typography.Title level={1}>{t('shell.welcome', { name: me.fullName })}</Typography.Title>
      <Typography.Paragraph>{t('workspace.intro')}</Typography.Paragraph>
      <Card title={<h2 className="cqs-card-title">{t('shell.yourRoles')}</h2>} style={{ maxWidth: 720 }}>
        {me.roles.length === 0 ? (
          <Typography.Text>{t('shell.noRoles')}</Typography.Text>
        ) : (
          <List
            dataSource={me.roles}
            renderItem={(grant) => (
              <List.Item style={{ justifyContent: 'flex-start', gap: 8 }}>
                <Tag color="blue">{grant.roleLabel ?? grant.role}</Tag>
                <span>
                  {grant.unitName ?? t('shell.global')}
                  {grant.includeSubtree && ` (${t('shell.subtree')})`}
                </span>
              </List.Item>
            )}
          />
        )}
        <Descriptions size="small" column={1} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('portal.username')}>{me.username}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          {t('shell.sessionUntil', { time: formatDateTime(me.sessionExpiresAt) })}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
