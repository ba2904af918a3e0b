import { Badge, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchNotifications } from '../api/filing';
import { LinkButton } from '../components/link-button';
import './portal.css';

/** The citizen's header links: "Hồ sơ của tôi" and "Thông báo" with the unread count. */
export function CitizenLinks() {
  const { t } = useTranslation();
  // Only the count is needed here: one item keeps the request small.
  const inbox = useQuery({ queryKey: ['notifications', 'badge'], queryFn: () => fetchNotifications({ page: 1, pageSize: 1 }), staleTime: 60_000 });
  const unread = inbox.data?.unread ?? 0;
  return (
    <Space size="middle">
      <LinkButton ghost className="cqs-citizen-link" to="/portal/dossiers">
        {t('citizen.menu.myDossiers')}
      </LinkButton>
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <LinkButton ghost className="cqs-citizen-link" to="/portal/notifications" aria-label={unread > 0 ? t('citizen.menu.notificationsUnread', { total: unread }) : undefined}>
          {t('citizen.menu.notifications')}
        </LinkButton>
      </Badge>
    </Space>
  );
}
