import { useState } from 'react';
import { Modal, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchIndicatorExplain, type DashboardQuery, type ExplainItem } from '../api/statistics';
import { ProblemAlert } from '../components/problem-alert';
import { ScrollRegion } from '../components/scroll-region';
import { formatDate } from '../format/date';

const PAGE_SIZE = 20;

/** The dossiers behind one indicator and why each counted or not (Decision 766: every figure is explainable). */
export function ExplainModal({ indicator, query, onClose }: { indicator: { code: string; name: string } | null; query: DashboardQuery; onClose: () => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['service-index-explain', query, indicator?.code, page],
    queryFn: () => fetchIndicatorExplain({ ...query, explain: indicator!.code, page, pageSize: PAGE_SIZE }),
    enabled: indicator !== null,
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<ExplainItem> = [
    {
      title: t('statistics.overdue.code'),
      dataIndex: 'dossierCode',
      render: (code: string | null) => (code ? <Link to={`/office/dossiers/${encodeURIComponent(code)}`}>{code}</Link> : '—'),
    },
    { title: t('statistics.overdue.procedure'), dataIndex: 'procedureName', render: (name: string, row) => `${row.procedureCode} — ${name}` },
    { title: t('statistics.overdue.unit'), dataIndex: 'unit', render: (unit: ExplainItem['unit']) => unit?.name ?? '—' },
    { title: t('statistics.index.receivedAt'), dataIndex: 'receivedAt', render: formatDate },
    { title: t('statistics.index.dueAt'), dataIndex: 'dueAt', render: formatDate },
    { title: t('statistics.index.finishedAt'), dataIndex: 'finishedAt', render: formatDate },
    {
      title: t('statistics.index.countedColumn'),
      dataIndex: 'counted',
      render: (counted: boolean) => (
        <Tag color={counted ? 'green' : 'red'} bordered={false}>
          {counted ? t('statistics.index.counted') : t('statistics.index.notCounted')}
        </Tag>
      ),
    },
    { title: t('statistics.index.reason'), dataIndex: 'reason' },
  ];
  const title = indicator ? t('statistics.index.explainTitle', { code: indicator.code, name: list.data?.indicator.name ?? indicator.name }) : '';
  return (
    <Modal open={indicator !== null} title={title} onCancel={onClose} footer={null} width={1100} destroyOnHidden afterClose={() => setPage(1)}>
      <ProblemAlert error={list.error} />
      <ScrollRegion label={title}>
        <Table<ExplainItem>
          size="small"
          rowKey={(row) => row.dossierCode ?? `${row.procedureCode}@${row.unit?.id ?? ''}`}
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: t('statistics.index.explainEmpty') }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
          style={{ minWidth: 960 }}
        />
      </ScrollRegion>
    </Modal>
  );
}
