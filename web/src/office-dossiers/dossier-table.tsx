import { Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DossierSummary } from '../api/dossiers';
import { ScrollRegion } from '../components/scroll-region';
import { StatusTag, TimelinessTag } from '../dossiers';
import { formatDateTime } from '../format/date';

interface Props {
  label: string;
  items: DossierSummary[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}

const OPEN_MARKERS = new Set(['overdue', 'dueSoon']);

/** One worklist page: code (link), procedure, applicant, status, step, received, due with its overdue/due-soon marker. */
export function DossierTable({ label, items, total, loading, page, pageSize, onPage }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<DossierSummary> = [
    {
      title: t('dossier.field.code'),
      dataIndex: 'code',
      render: (code: string) => (
        <Link to={`/office/dossiers/${encodeURIComponent(code)}`}>
          <code style={{ whiteSpace: 'nowrap' }}>{code}</code>
        </Link>
      ),
    },
    { title: t('dossier.field.procedure'), dataIndex: 'procedureName', width: 280 },
    { title: t('dossier.field.applicant'), dataIndex: 'applicantName' },
    { title: t('dossier.field.status'), dataIndex: 'status', render: (status: DossierSummary['status']) => <StatusTag status={status} /> },
    { title: t('dossier.field.currentStep'), key: 'step', render: (_, dossier) => dossier.currentStep?.name ?? t('common.none') },
    { title: t('dossier.field.receivedAt'), dataIndex: 'receivedAt', render: (at: string | null) => formatDateTime(at) },
    {
      title: t('dossier.field.dueAt'),
      key: 'due',
      render: (_, dossier) => (
        <Flex vertical gap={2} align="start">
          <Typography.Text>{formatDateTime(dossier.dueAt)}</Typography.Text>
          {dossier.timeliness && OPEN_MARKERS.has(dossier.timeliness) && <TimelinessTag timeliness={dossier.timeliness} />}
        </Flex>
      ),
    },
  ];
  return (
    <ScrollRegion label={label}>
      <Table<DossierSummary>
        rowKey="code"
        columns={columns}
        dataSource={items}
        loading={loading}
        locale={{ emptyText: t('officeDossiers.empty') }}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          showTotal: (count) => t('common.total', { total: count }),
          onChange: onPage,
        }}
        style={{ minWidth: 1000 }}
      />
    </ScrollRegion>
  );
}
