import { Card, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchMyReceipts, receiptUrl, type Receipt } from '../api/payments';
import { ProblemAlert } from '../components/problem-alert';
import { ScrollRegion } from '../components/scroll-region';
import { formatDateTime } from '../format/date';
import { formatVnd } from './format';

/** Biên lai điện tử: every receipt issued to the citizen, each a PDF to download. */
export function ReceiptsCard() {
  const { t } = useTranslation();
  const receipts = useQuery({ queryKey: ['my-receipts'], queryFn: fetchMyReceipts });
  const columns: TableColumnsType<Receipt> = [
    { title: t('payments.receipts.receiptNo'), dataIndex: 'receiptNo' },
    {
      title: t('payments.receipts.dossier'),
      key: 'dossier',
      render: (_, receipt) => <Link to={`/portal/dossiers/${encodeURIComponent(receipt.dossierCode)}`}>{receipt.dossierCode}</Link>,
    },
    { title: t('payments.receipts.procedure'), dataIndex: 'procedureName' },
    { title: t('payments.receipts.amount'), key: 'amount', align: 'right', render: (_, receipt) => formatVnd(receipt.amountVnd) },
    { title: t('payments.receipts.channel'), key: 'channel', render: (_, receipt) => t(`payments.channel.${receipt.channel}`, { defaultValue: receipt.channel }) },
    { title: t('payments.receipts.paidAt'), key: 'paidAt', render: (_, receipt) => formatDateTime(receipt.paidAt) },
    {
      title: t('common.actions'),
      key: 'download',
      render: (_, receipt) => (
        <Typography.Link href={receiptUrl(receipt.id)} target="_blank" rel="noopener" aria-label={t('payments.receipts.downloadNamed', { receiptNo: receipt.receiptNo })}>
          <FilePdfOutlined aria-hidden="true" /> {t('payments.receipts.download')}
        </Typography.Link>
      ),
    },
  ];
  return (
    <Card title={<h2 className="cqs-card-title">{t('payments.receipts.title')}</h2>}>
      <ProblemAlert error={receipts.error} />
      <ScrollRegion label={t('payments.receipts.title')}>
        <Table<Receipt>
          className="cqs-portal-table"
          rowKey="id"
          columns={columns}
          dataSource={receipts.data?.items ?? []}
          loading={receipts.isPending}
          locale={{ emptyText: t('payments.receipts.empty') }}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          style={{ minWidth: 860 }}
        />
      </ScrollRegion>
    </Card>
  );
}
