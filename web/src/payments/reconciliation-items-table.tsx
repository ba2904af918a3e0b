import { Button, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReconciliationItem } from '../api/accountant';
import { formatDateTime } from '../format/date';
import { formatVnd } from './format';
import { ReconciliationKindTag } from './reconciliation-kind-tag';

const amount = (value: number | null) => (value === null ? '—' : formatVnd(value));

/** The differences of one run; open ones carry a Resolve button. */
export function ReconciliationItemsTable({
  items,
  onResolve,
  onRefund,
}: {
  items: ReconciliationItem[];
  onResolve: (item: ReconciliationItem) => void;
  /** Items tied to a recorded payment (a duplicate, an amount the gateway did not take…) may lead to a refund. */
  onRefund: (paymentId: number) => void;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ReconciliationItem> = [
    { title: t('accountant.reconciliation.kind'), dataIndex: 'kind', width: 210, render: (kind) => <ReconciliationKindTag kind={kind} /> },
    { title: t('accountant.reconciliation.txnRef'), dataIndex: 'txnRef', render: (ref: string) => <code>{ref}</code> },
    { title: t('accountant.reconciliation.gatewayAmount'), dataIndex: 'gatewayAmountVnd', align: 'right', width: 150, render: amount },
    { title: t('accountant.reconciliation.platformAmount'), dataIndex: 'platformAmountVnd', align: 'right', width: 170, render: amount },
    { title: t('accountant.reconciliation.receipt'), dataIndex: 'receiptNo', width: 120, render: (no: string | null) => no ?? '—' },
    {
      title: t('accountant.reconciliation.status'),
      key: 'status',
      render: (_, item) =>
        item.status === 'open' ? (
          <Space wrap>
            <Button size="small" onClick={() => onResolve(item)} aria-label={`${t('accountant.reconciliation.resolve')} ${item.txnRef}`}>
              {t('accountant.reconciliation.resolve')}
            </Button>
            {item.paymentId !== null && (
              <Button size="small" onClick={() => onRefund(item.paymentId!)} aria-label={`${t('accountant.reconciliation.refund')} ${item.txnRef}`}>
                {t('accountant.reconciliation.refund')}
              </Button>
            )}
          </Space>
        ) : (
          <div>
            <Tag color="green">{t('accountant.reconciliation.statuses.resolved')}</Tag>
            <Typography.Text type="secondary">
              {item.resolvedBy} · {formatDateTime(item.resolvedAt)}
            </Typography.Text>
            <div>{item.resolutionNote}</div>
          </div>
        ),
    },
  ];
  return (
    <Table<ReconciliationItem>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: t('accountant.reconciliation.noItems') }}
      style={{ minWidth: 900 }}
    />
  );
}
