import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchAssignments, type AssignmentSummary } from '../api/reports';
import { ProblemAlert } from '../components/problem-alert';
import { ScrollRegion } from '../components/scroll-region';
import { formatDate } from '../format/date';
import { formatLocalDate, ReportStatusTag, vietnamToday } from './report-tags';

const OPEN = new Set(['pending', 'draft', 'returned']);

/** Báo cáo của đơn vị: the reports the caller's units owe, newest period first, overdue ones flagged. */
export function AssignmentsTab() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['report-assignments'], queryFn: () => fetchAssignments() });
  const today = vietnamToday();
  const columns: TableColumnsType<AssignmentSummary> = [
    {
      title: t('reports.field.template'),
      key: 'template',
      render: (_, item) => (
        <Link to={`/office/reports/assignments/${item.id}`}>
          {item.template.name} — {item.round.periodLabel}
        </Link>
      ),
    },
    { title: t('reports.field.unit'), key: 'unit', render: (_, item) => item.unit.name },
    {
      title: t('reports.field.dueDate'),
      key: 'due',
      render: (_, item) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatLocalDate(item.round.dueDate)}
          {OPEN.has(item.status) && item.round.dueDate < today && (
            <Typography.Text type="danger"> ({t('reports.list.overdue')})</Typography.Text>
          )}
        </span>
      ),
    },
    { title: t('reports.field.status'), key: 'status', render: (_, item) => <ReportStatusTag status={item.status} /> },
    { title: t('reports.field.submittedAt'), key: 'submitted', render: (_, item) => formatDate(item.submittedAt) },
  ];
  return (
    <>
      <ProblemAlert error={query.error} />
      <ScrollRegion label={t('reports.tabs.assignments')}>
        <Table<AssignmentSummary>
          rowKey="id"
          columns={columns}
          dataSource={query.data ?? []}
          loading={query.isFetching}
          locale={{ emptyText: <span className="cqs-report-empty">{t('reports.list.noAssignments')}</span> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          style={{ minWidth: 640 }}
        />
      </ScrollRegion>
    </>
  );
}
