import { useState } from 'react';
import { Button, Flex, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchRounds, type RoundSummary } from '../api/reports';
import { ProblemAlert } from '../components/problem-alert';
import { ScrollRegion } from '../components/scroll-region';
import { NewRoundModal } from './new-round-modal';
import { formatLocalDate } from './report-tags';

/** Đợt báo cáo: each issue of a template to the units below, with how many units have been accepted. */
export function RoundsTab() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const query = useQuery({ queryKey: ['report-rounds'], queryFn: () => fetchRounds() });
  const columns: TableColumnsType<RoundSummary> = [
    {
      title: t('reports.field.period'),
      key: 'label',
      render: (_, round) => <Link to={`/office/reports/rounds/${round.id}`}>{round.periodLabel}</Link>,
    },
    { title: t('reports.field.template'), key: 'template', render: (_, round) => `${round.template.code} — ${round.template.name}` },
    {
      title: t('reports.field.period'),
      key: 'period',
      render: (_, round) => <span style={{ whiteSpace: 'nowrap' }}>{`${formatLocalDate(round.periodFrom)} – ${formatLocalDate(round.periodTo)}`}</span>,
    },
    { title: t('reports.field.dueDate'), key: 'due', render: (_, round) => formatLocalDate(round.dueDate) },
    {
      title: t('reports.field.progress'),
      key: 'progress',
      render: (_, round) => t('reports.list.progress', { accepted: round.counts.accepted ?? 0, total: round.total }),
    },
  ];
  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setOpen(true)}>
          {t('reports.actions.newRound')}
        </Button>
      </Flex>
      <ProblemAlert error={query.error} />
      <ScrollRegion label={t('reports.tabs.rounds')}>
        <Table<RoundSummary>
          rowKey="id"
          columns={columns}
          dataSource={query.data ?? []}
          loading={query.isFetching}
          locale={{ emptyText: <span className="cqs-report-empty">{t('reports.list.noRounds')}</span> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          style={{ minWidth: 720 }}
        />
      </ScrollRegion>
      <NewRoundModal open={open} onClose={() => setOpen(false)} onCreated={(id) => navigate(`/office/reports/rounds/${id}`)} />
    </>
  );
}
