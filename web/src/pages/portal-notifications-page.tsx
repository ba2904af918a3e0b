import { useState } from 'react';
import { Badge, Button, Card, Flex, List, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchNotifications, markAllNotificationsRead, markNotificationRead, type NotificationItem } from '../api/filing';
import { ProblemAlert } from '../components/problem-alert';
import { usePageTitle } from '../components/use-page-title';
import { formatDateTime } from '../format/date';
import '../portal/portal.css';

const PAGE_SIZE = 20;

/**
 * The server writes absolute links on its public address (they also go out by e-mail); in the portal they open
 * as in-app paths, so a link never leads off the portal whatever its host says.
 */
function inAppPath(link: string | null): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, window.location.origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

/** Thông báo: what the one-stop shop sent the citizen (received, supplement requested, result ready…), newest first. */
export function PortalNotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('citizen.inbox.title'));
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const notifications = useQuery({
    queryKey: ['notifications', page],
    queryFn: () => fetchNotifications({ page, pageSize: PAGE_SIZE }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const read = useMutation({ mutationFn: markNotificationRead, onSuccess: refresh });
  const readAll = useMutation({ mutationFn: markAllNotificationsRead, onSuccess: refresh });
  const unread = notifications.data?.unread ?? 0;

  const title = (item: NotificationItem) => {
    const link = inAppPath(item.link);
    const text = <span className={item.readAt ? undefined : 'cqs-portal-unread'}>{item.subject}</span>;
    return link ? (
      <Link to={link} onClick={() => !item.readAt && read.mutate(item.id)}>
        {text}
      </Link>
    ) : (
      text
    );
  };

  return (
    <Flex vertical gap={24} className="cqs-container cqs-narrow cqs-page">
      <Typography.Title level={1}>{t('citizen.inbox.title')}</Typography.Title>
      <Card
        title={
          <h2 className="cqs-card-title">
            {t('citizen.inbox.list')} <Badge count={unread} aria-hidden="true" />
            <span className="cqs-visually-hidden"> {t('citizen.inbox.unreadCount', { total: unread })}</span>
          </h2>
        }
        extra={
          <Button disabled={unread === 0} loading={readAll.isPending} onClick={() => readAll.mutate()}>
            {t('citizen.inbox.readAll')}
          </Button>
        }
      >
        <ProblemAlert error={notifications.error ?? read.error ?? readAll.error} />
        <List
          className="cqs-portal-list"
          loading={notifications.isPending}
          dataSource={notifications.data?.items ?? []}
          locale={{ emptyText: t('citizen.inbox.empty') }}
          pagination={
            (notifications.data?.total ?? 0) > PAGE_SIZE
              ? { current: page, pageSize: PAGE_SIZE, total: notifications.data?.total ?? 0, onChange: setPage, showSizeChanger: false }
              : false
          }
          renderItem={(item) => (
            <List.Item
              actions={
                item.readAt
                  ? []
                  : [
                      <Button key="read" type="link" onClick={() => read.mutate(item.id)} aria-label={t('citizen.inbox.markReadNamed', { subject: item.subject })}>
                        {t('citizen.inbox.markRead')}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={title(item)}
                description={
                  <>
                    <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-line' }}>{item.body}</Typography.Paragraph>
                    <Typography.Text type="secondary">
                      {formatDateTime(item.createdAt)}
                      {item.readAt ? '' : ` · ${t('citizen.inbox.unread')}`}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
