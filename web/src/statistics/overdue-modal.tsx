import { useState } from 'react';
import { Modal, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchOverdue, type OverdueDossier } from '../api/statistics';
import type { DossierStatus } from '../api/dossiers';
import { ProblemAlert } from '../components/problem-alert';
import { ScrollRegion } from '../components/scroll-region';
import { StatusTag } from '../dossiers';
import { formatDate } from '../format/date';
import { formatCount } from './format';

const PAGE_SIZE = 10;

/** The overdue pending dossiers of a unit's subtree (what a bar of the overdue chart stands for); each opens its page. */
export function OverdueModal({ unit, onClose }: { unit: { id: number; name: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['statistics-overdue', unit?.id, page],
    queryFn: () => fetchOverdue(unit!.id, page, PAGE_SIZE),
    enabled: unit !== null,
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<OverdueDossier> = [
    { title: t('statistics.overdue.code'), dataIndex: 'code', render: (code: string) => <Link to={`/office/dossiers/${encodeURIComponent(code)}`}>{code}</Link> },
    { title: t('statistics.overdue.procedure'), dataIndex: 'procedureName' },
    { title: t('statistics.overdue.unit'), dataIndex: ['unit', 'name'] },
    { title: t('statistics.overdue.status'), dataIndex: 'status', render: (status: DossierStatus) => <StatusTag status={status} /> },
    { title: t('statistics.overdue.dueAt'), dataIndex: 'dueAt', render: formatDate },
    { title: t('statistics.overdue.daysLate'), dataIndex: 'daysLate', align: 'right', render: formatCount },
    { title: t('statistics.overdue.step'), dataIndex: 'currentStep', render: (step: OverdueDossier['currentStep']) => step?.name ?? '—' },
  ];
  const title = unit ? t('statistics.overdue.title', { unit: unit.name }) : '';
  return (
    <Modal open={unit !== null} title={title} onCancel={onClose} footer={null} width={1000} destroyOnHidden afterClose={() => setPage(1)}>
      <ProblemAlert error={list.error} />
      <ScrollRegion label={title}>
        <Table<OverdueDossier>
          size="small"
          rowKey="code"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: t('statistics.overdue.empty') }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
          style={{ minWidth: 860 }}
        />
      </ScrollRegion>
    </Modal>
  );
}
