import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcedureFee } from '../api/procedures';
import { formatFee } from './format';

export function FeesTable({ fees }: { fees: ProcedureFee[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ProcedureFee> = [
    { title: t('procedures.feeName'), dataIndex: 'name' },
    { title: t('procedures.feeAmount'), key: 'amount', align: 'right', width: 180, render: (_, fee) => formatFee(t, fee.amountVnd) },
  ];
  return <Table<ProcedureFee> rowKey="code" columns={columns} dataSource={fees} pagination={false} locale={{ emptyText: t('procedures.noFees') }} />;
}
