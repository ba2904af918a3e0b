import { useState } from 'react';
import { App, Button, Card, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchReconciliationRun, fetchReconciliationRuns, type ReconciliationItem, type ReconciliationRun } from '../api/accountant';
import { formatDate, formatDateTime } from '../format/date';
import { usePageTitle } from '../components/use-page-title';
import { ProblemAlert } from '../components/problem-alert';
import { ScrollRegion } from '../components/scroll-region';
import { ReconciliationUploadCard } from '../payments/reconciliation-upload-card';
import { ReconciliationItemsTable } from '../payments/reconciliation-items-table';
import { ResolveItemModal } from '../payments/resolve-item-modal';
import { RefundModal } from '../payments/refund-modal';
import { formatVnd } from '../payments/format';

const displayDay = (localDate: string) => formatDate(`${localDate}T12:00:00+07:00`);

/** Đối soát thanh toán: the gateway's daily file against the platform's online payments (payment.reconcile). */
export function PaymentReconciliationPage() {
  const { t } = useTranslation();
  usePageTitle(t('accountant.reconciliation.title'));
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<number | null>(null);
  const [resolving, setResolving] = useState<ReconciliationItem | null>(null);
  const [refunding, setRefunding] = useState<number | null>(null);
  const runs = useQuery({ queryKey: ['reconciliation-runs'], queryFn: fetchReconciliationRuns });
  const runId = selected ?? runs.data?.items[0]?.id ?? null;
  const run = useQuery({ queryKey: ['reconciliation-run', runId], queryFn: () => fetchReconciliationRun(runId!), enabled: runId !== null });

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['reconciliation-runs'] });
    await queryClient.invalidateQueries({ queryKey: ['reconciliation-run'] });
  };

  const columns: TableColumnsType<ReconciliationRun> = [
    { title: t('accountant.reconciliation.gatewayDate'), dataIndex: 'gatewayDate', width: 130, render: displayDay },
    { title: t('accountant.reconciliation.importedAt'), dataIndex: 'importedAt', width: 160, render: (at: string) => formatDateTime(at) },
    { title: t('accountant.reconciliation.importedBy'), dataIndex: 'importedBy' },
    { title: t('accountant.reconciliation.gatewayRows'), dataIndex: 'gatewayRows', align: 'right', width: 130 },
    { title: t('accountant.reconciliation.platformRows'), dataIndex: 'platformRows', align: 'right', width: 150 },
    { title: t('accountant.reconciliation.matched'), dataIndex: 'matched', align: 'right', width: 80 },
    {
      title: t('accountant.reconciliation.differences'),
      key: 'differences',
      align: 'right',
      width: 150,
      render: (_, r) => (
        <Typography.Text type={r.openItems > 0 ? 'danger' : undefined} strong={r.openItems > 0}>
          {r.openItems} / {r.totalItems}
        </Typography.Text>
      ),
    },
    {
      title: t('common.actions'),
      key: 'view',
      width: 90,
      render: (_, r) => (
        <Button size="small" type={r.id === runId ? 'primary' : 'default'} onClick={() => setSelected(r.id)}>
          {t('accountant.reconciliation.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={1}>{t('accountant.reconciliation.title')}</Typography.Title>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <ReconciliationUploadCard
          onDone={(created) => {
            setSelected(created.id);
            queryClient.setQueryData(['reconciliation-run', created.id], created);
            void queryClient.invalidateQueries({ queryKey: ['reconciliation-runs'] });
          }}
        />
        <Card title={t('accountant.reconciliation.runs')}>
          <ProblemAlert error={runs.error} />
          <ScrollRegion label={t('accountant.reconciliation.runs')}>
            <Table<ReconciliationRun>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={runs.data?.items ?? []}
              loading={runs.isFetching}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: t('accountant.reconciliation.noRuns') }}
              style={{ minWidth: 960 }}
            />
          </ScrollRegion>
        </Card>
        {run.data && (
          <Card title={t('accountant.reconciliation.items', { date: displayDay(run.data.gatewayDate) })}>
            <ProblemAlert error={run.error} />
            <ScrollRegion label={t('accountant.reconciliation.items', { date: displayDay(run.data.gatewayDate) })}>
              <ReconciliationItemsTable items={run.data.items} onResolve={setResolving} onRefund={setRefunding} />
            </ScrollRegion>
          </Card>
        )}
      </Space>
      <RefundModal
        paymentId={refunding}
        onClose={() => setRefunding(null)}
        onRefunded={(amountVnd) => {
          setRefunding(null);
          void message.success(t('accountant.reconciliation.refunded', { amount: formatVnd(amountVnd) }));
        }}
      />
      <ResolveItemModal
        item={resolving}
        onClose={() => setResolving(null)}
        onResolved={() => {
          setResolving(null);
          void message.success(t('accountant.reconciliation.resolved'));
          void refresh();
        }}
      />
    </>
  );
}
