import { Button, Card, Col, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { aggregateFileUrl, fetchAggregate, type ReportRow } from '../api/reports';
import { ProblemAlert } from '../components/problem-alert';
import { ScrollRegion } from '../components/scroll-region';
import { formatFigure } from './formulas';

/** Số liệu tổng hợp: the accepted reports of the round summed (or averaged…) row by row, with who is in and who is missing. */
export function AggregateCard({ roundId }: { roundId: number }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['report-round', roundId, 'aggregate'], queryFn: () => fetchAggregate(roundId) });
  const aggregate = query.data;
  const heading = (
    <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
      {t('reports.round.aggregateTitle')}
    </Typography.Title>
  );
  const exports = (
    <Space wrap>
      <Button icon={<FileExcelOutlined aria-hidden="true" />} href={aggregateFileUrl(roundId, 'xlsx')} download>
        {t('reports.actions.exportExcel')}
      </Button>
      <Button icon={<FilePdfOutlined aria-hidden="true" />} href={aggregateFileUrl(roundId, 'pdf')} target="_blank" rel="noopener">
        {t('reports.actions.exportPdf')}
      </Button>
    </Space>
  );
  const columns: TableColumnsType<ReportRow> = [
    { title: t('reports.field.code'), dataIndex: 'code', width: 64 },
    { title: t('reports.field.indicator'), dataIndex: 'name' },
    { title: t('reports.field.measure'), dataIndex: 'unit', width: 110 },
    ...(aggregate?.columns ?? []).map((column) => ({
      title: column.name,
      key: column.code,
      align: 'right' as const,
      render: (_: unknown, row: ReportRow) => (
        <span className="cqs-report-figure" data-cell={`${row.code}.${column.code}`}>
          {formatFigure(aggregate?.values[row.code]?.[column.code])}
        </span>
      ),
    })),
  ];
  return (
    <Card title={heading} extra={exports} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('reports.round.aggregateHelp')}</Typography.Paragraph>
      <ProblemAlert error={query.error} />
      {aggregate && aggregate.includedUnits.length === 0 ? (
        <Empty description={<span className="cqs-report-empty">{t('reports.round.noneYet')}</span>} />
      ) : (
        <ScrollRegion label={t('reports.round.aggregateTitle')}>
          <Table<ReportRow>
            rowKey="code"
            columns={columns}
            dataSource={aggregate?.rows ?? []}
            loading={query.isFetching}
            pagination={false}
            size="middle"
            style={{ minWidth: 360 + (aggregate?.columns.length ?? 1) * 120 }}
          />
        </ScrollRegion>
      )}
      {aggregate && (
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={24} md={12}>
            <Typography.Title level={3} style={{ fontSize: 15 }}>
              {t('reports.round.includedUnits', { count: aggregate.includedUnits.length })}
            </Typography.Title>
            <Space wrap>{aggregate.includedUnits.map((unit) => <Tag key={unit.id} color="green">{unit.name}</Tag>)}</Space>
          </Col>
          <Col xs={24} md={12}>
            <Typography.Title level={3} style={{ fontSize: 15 }}>
              {t('reports.round.pendingUnits', { count: aggregate.pendingUnits.length })}
            </Typography.Title>
            <Space wrap>{aggregate.pendingUnits.map((unit) => <Tag key={unit.id}>{unit.name}</Tag>)}</Space>
          </Col>
        </Row>
      )}
    </Card>
  );
}
