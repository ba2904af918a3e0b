import { lazy, Suspense, useState } from 'react';
import { Button, Card, DatePicker, Form, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { collectedReportPath, fetchCollectedReport, type CollectedReportRow, type ReportGroupBy, type ReportQuery } from '../api/accountant';
import { usePageTitle } from '../components/use-page-title';
import { ProblemAlert } from '../components/problem-alert';
import { ScrollRegion } from '../components/scroll-region';
import { formatVnd } from '../payments/format';

interface Filters {
  period: [Dayjs, Dayjs];
  groupBy: ReportGroupBy;
}

// ECharts is loaded with the report page only, not with every office page.
const FeeReportChart = lazy(() => import('../payments/fee-report-chart').then((m) => ({ default: m.FeeReportChart })));

const GROUPS: ReportGroupBy[] = ['unit', 'procedure', 'channel', 'day'];
const toQuery = ({ period, groupBy }: Filters): ReportQuery => ({
  from: period[0].format('YYYY-MM-DD'),
  to: period[1].format('YYYY-MM-DD'),
  groupBy,
});

/** Báo cáo thu phí: fees collected in a period per unit, procedure, method or day (payment.report). */
export function FeeReportPage() {
  const { t } = useTranslation();
  usePageTitle(t('accountant.reports.title'));
  const initial: Filters = { period: [dayjs().startOf('month'), dayjs()], groupBy: 'unit' };
  const [query, setQuery] = useState<ReportQuery>(toQuery(initial));
  const report = useQuery({ queryKey: ['fee-report', query], queryFn: () => fetchCollectedReport(query), placeholderData: keepPreviousData });
  const groupLabel = t(`accountant.reports.groups.${query.groupBy}`);

  const columns: TableColumnsType<CollectedReportRow> = [
    { title: groupLabel, dataIndex: 'label' },
    { title: t('accountant.reports.count'), dataIndex: 'count', align: 'right', width: 130 },
    { title: t('accountant.reports.amount'), dataIndex: 'amountVnd', align: 'right', width: 160, render: formatVnd },
    { title: t('accountant.reports.refunded'), dataIndex: 'refundedVnd', align: 'right', width: 160, render: formatVnd },
    { title: t('accountant.reports.net'), dataIndex: 'netVnd', align: 'right', width: 160, render: formatVnd },
  ];

  const data = report.data;
  return (
    <>
      <Typography.Title level={1}>{t('accountant.reports.title')}</Typography.Title>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card>
          <Form<Filters> name="fee-report-filters" layout="inline" colon={false} className="cqs-filters" initialValues={initial} onFinish={(values) => setQuery(toQuery(values))}>
            <Form.Item label={t('accountant.reports.period')} name="period" rules={[{ required: true }]}>
              <DatePicker.RangePicker format="DD/MM/YYYY" allowClear={false} />
            </Form.Item>
            <Form.Item label={t('accountant.reports.groupBy')} name="groupBy">
              <Select style={{ width: 200 }} options={GROUPS.map((g) => ({ value: g, label: t(`accountant.reports.groups.${g}`) }))} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit">
                {t('accountant.reports.show')}
              </Button>
            </Form.Item>
            <Form.Item>
              <Button icon={<DownloadOutlined aria-hidden="true" />} href={collectedReportPath(query, true)} download>
                {t('accountant.reports.excel')}
              </Button>
            </Form.Item>
          </Form>
          <ProblemAlert error={report.error} />
        </Card>
        <Card>
          {data && data.rows.length > 0 && (
            <Suspense fallback={<div style={{ height: 320 }} />}>
              <FeeReportChart rows={data.rows} title={t('accountant.reports.chartTitle', { group: groupLabel.toLowerCase() })} />
            </Suspense>
          )}
          <ScrollRegion label={t('accountant.reports.title')}>
            <Table<CollectedReportRow>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={data?.rows ?? []}
              loading={report.isFetching}
              pagination={false}
              locale={{ emptyText: t('accountant.reports.empty') }}
              style={{ minWidth: 760 }}
              summary={() =>
                data && data.rows.length > 0 ? (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <strong>{t('accountant.reports.total')}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      <strong>{data.count}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      <strong>{formatVnd(data.totalVnd)}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      <strong>{formatVnd(data.refundedVnd)}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right">
                      <strong>{formatVnd(data.netVnd)}</strong>
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                ) : null
              }
            />
          </ScrollRegion>
        </Card>
      </Space>
    </>
  );
}
