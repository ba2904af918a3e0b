import { Card, Descriptions, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchRound, type RoundAssignment } from '../api/reports';
import { ErrorPage } from '../components/error-page';
import { LinkButton } from '../components/link-button';
import { PageSpinner } from '../components/page-spinner';
import { ScrollRegion } from '../components/scroll-region';
import { usePageTitle } from '../components/use-page-title';
import { formatDateTime } from '../format/date';
import { AggregateCard } from '../reports/aggregate-card';
import { formatLocalDate, ReportStatusTag } from '../reports/report-tags';
import { ReviewActions } from '../reports/review-actions';
import { ArrowLeftOutlined } from '@ant-design/icons';
import '../reports/reports.css';

/** Một đợt báo cáo: where each unit stands, the review of what they submitted, and the aggregate of the accepted ones. */
export function ReportsRoundPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useQuery({ queryKey: ['report-round', id], queryFn: () => fetchRound(id), enabled: valid, retry: false });
  const label = query.data?.round.periodLabel ?? '';
  usePageTitle(t('reports.round.pageTitle', { label }));
  if (!valid) return <ErrorPage notFound />;
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <ErrorPage error={query.error} />;
  const { round, template, assignments } = query.data;

  const columns: TableColumnsType<RoundAssignment> = [
    {
      title: t('reports.field.unit'),
      key: 'unit',
      render: (_, item) => (
        <Link to={`/office/reports/assignments/${item.id}`} aria-label={t('reports.fill.unitReport', { unit: item.unit.name })}>
          {item.unit.name}
        </Link>
      ),
    },
    { title: t('reports.field.status'), key: 'status', render: (_, item) => <ReportStatusTag status={item.status} /> },
    { title: t('reports.field.submittedAt'), key: 'submitted', render: (_, item) => formatDateTime(item.submittedAt) },
    { title: t('reports.field.comment'), key: 'comment', render: (_, item) => item.reviewComment ?? t('common.none') },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, item) =>
        item.status === 'submitted' ? <ReviewActions size="small" assignment={item} onDone={() => void query.refetch()} /> : null,
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={1}>{t('reports.round.pageTitle', { label: round.periodLabel })}</Typography.Title>
        <LinkButton icon={<ArrowLeftOutlined aria-hidden="true" />} to="/office/reports?tab=rounds">
          {t('reports.actions.back')}
        </LinkButton>
      </Flex>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'template', label: t('reports.field.template'), children: `${template.code} — ${template.name} (v${template.version})` },
            { key: 'period', label: t('reports.field.period'), children: `${formatLocalDate(round.periodFrom)} – ${formatLocalDate(round.periodTo)}` },
            { key: 'due', label: t('reports.field.dueDate'), children: formatLocalDate(round.dueDate) },
          ]}
        />
      </Card>
      <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('reports.round.assignmentsTitle')}</Typography.Title>}>
        <ScrollRegion label={t('reports.round.assignmentsTitle')}>
          <Table<RoundAssignment> rowKey="id" columns={columns} dataSource={assignments} pagination={false} style={{ minWidth: 760 }} />
        </ScrollRegion>
      </Card>
      <AggregateCard roundId={round.id} />
    </>
  );
}
