import { useState } from 'react';
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchCredentials, revokeCredential, type SigningCredential } from '../api/signing';
import { get } from '../api/client';
import type { Page, UserSummary } from '../api/types';
import { fetchUnits } from '../api/units';
import { ProblemAlert } from '../components/problem-alert';
import { ScrollRegion } from '../components/scroll-region';
import { validityAt, validityRange } from './certificate-validity';
import { RegisterCredentialModal } from './register-credential-modal';

const fetchOfficials = () => get<Page<UserSummary>>('/api/users?kind=official&status=active&page=1&pageSize=100');

/** Certificates registered for signers and unit seals; the key material never leaves the server. */
export function CredentialsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const credentials = useQuery({ queryKey: ['signing-credentials'], queryFn: fetchCredentials });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['signing-credentials'] });
  // Owners by name: the credential rows carry ids only.
  const units = useQuery({ queryKey: ['units'], queryFn: fetchUnits });
  const officials = useQuery({ queryKey: ['users', 'officials'], queryFn: fetchOfficials, staleTime: 60_000 });
  const unitNames = new Map((units.data ?? []).map((unit) => [unit.id, unit.name]));
  const userNames = new Map((officials.data?.items ?? []).map((user) => [user.id, user.fullName]));

  const revoke = async (credential: SigningCredential) => {
    try {
      await revokeCredential(credential.id);
      setProblem(null);
      void message.success(t('signing.admin.revoked'));
    } catch (error) {
      setProblem(error);
    }
    await refresh();
  };

  const columns: TableColumnsType<SigningCredential> = [
    {
      title: t('signing.admin.label'),
      dataIndex: 'label',
      width: 220,
      render: (label: string) => label,
    },
    {
      title: t('signing.admin.ownerKind'),
      dataIndex: 'ownerKind',
      width: 150,
      render: (kind: SigningCredential['ownerKind']) => (kind === 'unit_seal' ? t('signing.admin.ownerSeal') : t('signing.admin.ownerUser')),
    },
    {
      title: t('signing.admin.owner'),
      key: 'owner',
      width: 200,
      render: (_, credential) =>
        (credential.ownerKind === 'unit_seal' ? unitNames.get(credential.unitId ?? 0) : userNames.get(credential.userId ?? 0)) ??
        `#${credential.unitId ?? credential.userId}`,
    },
    { title: t('signing.admin.subject'), dataIndex: 'subjectName' },
    {
      title: t('signing.admin.validity'),
      key: 'validity',
      width: 210,
      render: (_, credential) => (
        <>
          {t('signing.validity', validityRange(credential.notBefore, credential.notAfter))}{' '}
          {validityAt(credential.notBefore, credential.notAfter) === 'expired' && <Tag color="red">{t('signing.expired')}</Tag>}
        </>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, credential) => (
        <Popconfirm
          title={t('signing.admin.revokeConfirm', { label: credential.label })}
          okText={t('signing.admin.revoke')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => revoke(credential)}
        >
          <Button size="small" danger aria-label={`${t('signing.admin.revoke')}: ${credential.label}`}>
            {t('signing.admin.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card
      title={<h2 className="cqs-card-title">{t('signing.admin.credentialsTitle')}</h2>}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setAdding(true)}>
          {t('signing.admin.addCredential')}
        </Button>
      }
    >
      <ProblemAlert error={problem ?? credentials.error} />
      <ScrollRegion label={t('signing.admin.credentialsTitle')}>
        <Table<SigningCredential>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={credentials.data ?? []}
          loading={credentials.isFetching}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: <Typography.Text type="secondary">{t('signing.admin.noCredentials')}</Typography.Text> }}
          style={{ minWidth: 1000 }}
        />
      </ScrollRegion>
      <RegisterCredentialModal
        open={adding}
        onClose={() => setAdding(false)}
        onRegistered={(credential) => {
          setAdding(false);
          void message.success(`${t('signing.admin.registeredOk')} ${credential.label}`);
          void refresh();
        }}
      />
    </Card>
  );
}
