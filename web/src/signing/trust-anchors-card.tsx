import { useState } from 'react';
import { App, Button, Card, Popconfirm, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchTrustAnchors, removeTrustAnchor, type TrustAnchor } from '../api/signing';
import { ProblemAlert } from '../components/problem-alert';
import { ScrollRegion } from '../components/scroll-region';
import { AddTrustAnchorModal } from './add-trust-anchor-modal';
import { validityRange } from './certificate-validity';

/** `ab12cd…` → `AB:12:CD:…`, the way certificate viewers show a fingerprint, so it can be compared by eye. */
const groupedHex = (hex: string) => (hex.toUpperCase().match(/.{1,2}/g) ?? []).join(':');

/** The trust list: signatures chaining to one of these CAs are reported trusted (issue 4 "Verify"). */
export function TrustAnchorsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const anchors = useQuery({ queryKey: ['trust-anchors'], queryFn: fetchTrustAnchors });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['trust-anchors'] });

  const remove = async (anchor: TrustAnchor) => {
    try {
      await removeTrustAnchor(anchor.id);
      setProblem(null);
      void message.success(t('signing.admin.removed'));
    } catch (error) {
      setProblem(error);
    }
    await refresh();
  };

  const columns: TableColumnsType<TrustAnchor> = [
    { title: t('signing.admin.label'), dataIndex: 'label', width: 200 },
    { title: t('signing.admin.subject'), dataIndex: 'subject' },
    {
      title: t('signing.admin.validity'),
      key: 'validity',
      width: 200,
      render: (_, anchor) => t('signing.validity', validityRange(anchor.notBefore, anchor.notAfter)),
    },
    {
      title: t('signing.admin.fingerprint'),
      dataIndex: 'fingerprintSha256',
      width: 220,
      render: (fingerprint: string) => <code className="cqs-break cqs-fingerprint">{groupedHex(fingerprint)}</code>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, anchor) => (
        <Popconfirm
          title={t('signing.admin.removeConfirm', { label: anchor.label })}
          okText={t('signing.admin.remove')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => remove(anchor)}
        >
          <Button size="small" danger aria-label={`${t('signing.admin.remove')}: ${anchor.label}`}>
            {t('signing.admin.remove')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card
      title={<h2 className="cqs-card-title">{t('signing.admin.trustTitle')}</h2>}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setAdding(true)}>
          {t('signing.admin.addAnchor')}
        </Button>
      }
    >
      <ProblemAlert error={problem ?? anchors.error} />
      <ScrollRegion label={t('signing.admin.trustTitle')}>
        <Table<TrustAnchor>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={anchors.data ?? []}
          loading={anchors.isFetching}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: <Typography.Text type="secondary">{t('signing.admin.noAnchors')}</Typography.Text> }}
          style={{ minWidth: 900 }}
        />
      </ScrollRegion>
      <AddTrustAnchorModal
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(anchor) => {
          setAdding(false);
          void message.success(`${t('signing.admin.anchorAdded')} ${anchor.label}`);
          void refresh();
        }}
      />
    </Card>
  );
}
