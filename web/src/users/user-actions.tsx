import { App, Button, Dropdown, Space } from 'antd';
import type { MenuProps } from 'antd';
import { DownOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { disableUser, enableUser, resetTotp } from '../api/users';
import type { UserSummary } from '../api/types';

interface Props {
  user: UserSummary;
  onEditRoles: (user: UserSummary) => void;
  onResetPassword: (user: UserSummary) => void;
}

/** Row actions; the ones that lock a person out ask for confirmation first. */
export function UserActions({ user, onEditRoles, onResetPassword }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const confirm = (title: string, action: () => Promise<unknown>, danger = false) =>
    modal.confirm({
      title,
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger },
      onOk: async () => {
        try {
          await action();
          await client.invalidateQueries({ queryKey: ['users'] });
          void message.success(t('users.done'));
        } catch (error) {
          void message.error(error instanceof Error ? error.message : String(error));
        }
      },
    });
  const disabled = user.status === 'disabled';
  const items: MenuProps['items'] = [
    { key: 'password', label: t('users.resetPassword') },
    { key: 'totp', label: t('users.resetTotp'), icon: <SafetyCertificateOutlined aria-hidden="true" /> },
    { type: 'divider' },
    disabled ? { key: 'enable', label: t('users.enable') } : { key: 'disable', label: t('users.disable'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') onResetPassword(user);
    if (key === 'totp') confirm(t('users.resetTotpConfirm', { name: user.fullName }), () => resetTotp(user.id), true);
    if (key === 'disable') confirm(t('users.disableConfirm', { name: user.fullName }), () => disableUser(user.id), true);
    if (key === 'enable') confirm(t('users.enableConfirm', { name: user.fullName }), () => enableUser(user.id));
  };
  return (
    <Space size="small">
      <Button size="small" onClick={() => onEditRoles(user)} aria-label={`${t('users.editRoles')}: ${user.username}`}>
        {t('users.editRoles')}
      </Button>
      <Dropdown menu={{ items, onClick }} trigger={['click']}>
        <Button size="small" aria-label={`${t('users.more')}: ${user.username}`}>
          {t('users.more')} <DownOutlined aria-hidden="true" />
        </Button>
      </Dropdown>
    </Space>
  );
}
