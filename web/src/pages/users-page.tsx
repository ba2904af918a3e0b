import { useState } from 'react';
import { Button, Card, Flex, Form, Input, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchRoles, fetchUsers, type UserQuery } from '../api/users';
import { fetchUnits } from '../api/units';
import { Permission, type UserSummary } from '../api/types';
import { hasPermission, useMe } from '../auth/session';
import { usePageTitle } from '../components/use-page-title';
import { ProblemAlert } from '../components/problem-alert';
import { UnitSelect } from '../units/unit-select';
import { ScrollRegion } from '../components/scroll-region';
import { CreateUserModal } from '../users/create-user-modal';
import { EditRolesModal } from '../users/edit-roles-modal';
import { ResetPasswordModal } from '../users/reset-password-modal';
import { UserActions } from '../users/user-actions';

export function UsersPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('users.title'));
  const me = useMe().data;
  const canManage = hasPermission(me, Permission.UserManage);
  const [query, setQuery] = useState<UserQuery>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [editingRoles, setEditingRoles] = useState<UserSummary | null>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const users = useQuery({ queryKey: ['users', query], queryFn: () => fetchUsers(query), placeholderData: keepPreviousData });
  const units = useQuery({ queryKey: ['units'], queryFn: fetchUnits });
  const roles = useQuery({ queryKey: ['roles'], queryFn: fetchRoles });
  const unitName = (user: UserSummary) => user.unitName ?? t('common.none');
  const roleLabel = (code: string) => {
    const label = roles.data?.find((role) => role.code === code)?.label;
    return label ? (i18n.language === 'en' ? label.en : label.vi) : code;
  };

  const columns: TableColumnsType<UserSummary> = [
    { title: t('users.username'), dataIndex: 'username', render: (value: string) => <code>{value}</code> },
    { title: t('users.fullName'), dataIndex: 'fullName' },
    { title: t('users.unit'), key: 'unit', render: (_, user) => unitName(user) },
    {
      title: t('users.roles'),
      key: 'roles',
      render: (_, user) => (
        <Flex gap={4} wrap>
          {user.roles.map((grant, index) => (
            <Tag key={index} bordered={false} color="blue">
              {roleLabel(grant.role)} · {grant.unitName ?? t('shell.global')}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('users.status'),
      dataIndex: 'status',
      render: (status: string) =>
        status === 'disabled' ? <Tag color="default">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>,
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, user: UserSummary) => (
              <UserActions user={user} onEditRoles={setEditingRoles} onResetPassword={setResetting} />
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={16}>
        <Typography.Title level={1}>{t('users.title')}</Typography.Title>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        )}
      </Flex>
      <Card>
        <Form
          name="user-search"
          layout="inline"
          colon={false}
          className="cqs-filters"
          onFinish={(values: { q?: string; unitId?: number | null }) =>
            setQuery({ ...query, page: 1, q: values.q?.trim() || undefined, unitId: values.unitId ?? undefined })
          }
        >
          <Form.Item label={t('users.searchLabel')} name="q">
            {/* Diacritics are ignored by the server: "nguyen" finds "Nguyễn". */}
            <Input.Search
              placeholder={t('users.searchPlaceholder')}
              allowClear
              enterButton={t('common.search')}
              onSearch={(q) => setQuery({ ...query, page: 1, q: q.trim() || undefined })}
              style={{ width: 340 }}
            />
          </Form.Item>
          <Form.Item label={t('users.unitFilter')} name="unitId">
            <UnitSelect
              units={units.data ?? []}
              allowClear
              placeholder={t('users.allUnits')}
              style={{ width: 280 }}
              onChange={(unitId) => setQuery({ ...query, page: 1, unitId: unitId ?? undefined })}
            />
          </Form.Item>
        </Form>
        <ProblemAlert error={users.error} />
        <ScrollRegion label={t('users.title')}>
          <Table<UserSummary>
            rowKey="id"
            columns={columns}
            dataSource={users.data?.items ?? []}
            loading={users.isFetching}
            locale={{ emptyText: t('users.empty') }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: users.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
            }}
            style={{ minWidth: 900 }}
          />
        </ScrollRegion>
      </Card>
      {canManage && (
        <>
          <CreateUserModal open={creating} onClose={() => setCreating(false)} roles={roles.data ?? []} units={units.data ?? []} />
          <EditRolesModal user={editingRoles} onClose={() => setEditingRoles(null)} roles={roles.data ?? []} units={units.data ?? []} />
          <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
        </>
      )}
    </>
  );
}
