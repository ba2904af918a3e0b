import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FeeLine } from '../api/payments';
import { ScrollRegion } from '../components/scroll-region';
import { formatVnd } from './format';
import './payments.css';

/** The order's fees: amount before the reduction, the reduction applied (largest percent, never stacked), payable. */
export function FeeLinesTable({ lines, totalVnd }: { lines: FeeLine[]; totalVnd: number }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<FeeLine> = [
    { title: t('payments.card.fee'), dataIndex: 'name' },
    { title: t('payments.card.quantity'), dataIndex: 'quantity', align: 'right', width: 90 },
    { title: t('payments.card.before'), key: 'amount', align: 'right', render: (_, line) => <span className="cqs-nowrap">{formatVnd(line.amountVnd)}</span> },
    {
      title: t('payments.card.reduction'),
      key: 'reduction',
      render: (_, line) =>
        line.reduction
          ? t('payments.card.reductionText', { name: line.reduction.name, percent: line.reduction.percent, amount: formatVnd(line.reduction.amountVnd) })
          : t('common.none'),
    },
    { title: t('payments.card.payable'), key: 'payable', align: 'right', render: (_, line) => <strong className="cqs-nowrap">{formatVnd(line.payableVnd)}</strong> },
  ];
  return (
    <ScrollRegion label={t('payments.card.lines')}>
      <Table<FeeLine>
        size="small"
        rowKey="code"
        columns={columns}
        dataSource={lines}
        pagination={false}
        style={{ minWidth: 640 }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={4}>
              <Typography.Text strong>{t('payments.card.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              <Typography.Text strong className="cqs-nowrap">
                {formatVnd(totalVnd)}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </ScrollRegion>
  );
}
