import { useMemo } from 'react';
import { Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dashboard, DashboardQuery, TrendMonth } from '../api/statistics';
import { dashboardWorkbookPath } from '../api/statistics';
import { ChartCard } from './chart-card';
import { FigureTable } from './figure-table';
import { formatCount, formatMonth, formatRate } from './format';
import { COLORS, unitLabel } from './unit-charts';

interface Props {
  data: Dashboard;
  query: DashboardQuery;
}

const CHANNELS = ['online', 'counter', 'postal'] as const;

interface Slice {
  key: string;
  name: string;
  value: string;
}

const sliceColumns = (t: (key: string) => string): TableColumnsType<Slice> => [
  { title: t('statistics.columns.item'), dataIndex: 'name' },
  { title: t('statistics.columns.value'), dataIndex: 'value', align: 'right' },
];

const pie = (title: string, slices: { name: string; value: number; color: string }[]) => ({
  tooltip: { trigger: 'item', valueFormatter: (value: unknown) => formatCount(Number(value)) },
  legend: { bottom: 0 },
  series: [
    {
      name: title,
      type: 'pie',
      radius: ['40%', '68%'],
      top: 0,
      bottom: 32,
      // Percentages the Vietnamese way (66,7 %), as everywhere else on the page.
      label: { formatter: (item: { percent?: number }) => formatRate((item.percent ?? 0) / 100) },
      data: slices.map((slice) => ({ name: slice.name, value: slice.value, itemStyle: { color: slice.color } })),
    },
  ],
});

/** On-time rate month by month (line), with the on-time and late counts in the table. */
export function TrendChart({ data, query }: Props) {
  const { t } = useTranslation();
  const title = t('statistics.charts.trend');
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (value === null || value === undefined ? '—' : formatRate(Number(value) / 100)) },
      grid: { left: 16, right: 24, bottom: 8, top: 16, containLabel: true },
      xAxis: { type: 'category', data: data.trend.map((row) => formatMonth(row.month)) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        {
          name: t('statistics.columns.onTimeRate'),
          type: 'line',
          connectNulls: false,
          data: data.trend.map((row) => (row.onTimeRate === null ? null : Math.round(row.onTimeRate * 1000) / 10)),
          itemStyle: { color: COLORS.finished },
        },
      ],
    }),
    [data, t],
  );
  const columns: TableColumnsType<TrendMonth> = [
    { title: t('statistics.columns.month'), dataIndex: 'month', render: formatMonth },
    ...(['received', 'finished', 'onTime', 'late'] as const).map((key) => ({ title: t(`statistics.columns.${key}`), dataIndex: key, align: 'right' as const, render: formatCount })),
    { title: t('statistics.columns.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: formatRate },
  ];
  return (
    <ChartCard
      title={title}
      option={option}
      empty={data.trend.length === 0}
      excelHref={dashboardWorkbookPath(query, 'trend')}
      table={<FigureTable label={title} rows={data.trend} columns={columns} rowKey={(row) => row.month} />}
    />
  );
}

/** Online, counter and postal filings (online share is indicator 3.3's raw material). */
export function ChannelsChart({ data, query }: Props) {
  const { t } = useTranslation();
  const title = t('statistics.charts.channels');
  const keys = CHANNELS;
  const option = useMemo(
    () => pie(title, CHANNELS.map((key) => ({ name: t(`statistics.channels.${key}`), value: data.channels[key], color: COLORS[key] }))),
    [data, t, title],
  );
  const rows: Slice[] = keys.map((key) => ({ key, name: t(`statistics.channels.${key}`), value: formatCount(data.channels[key]) }));
  return (
    <ChartCard
      title={title}
      option={option}
      empty={keys.every((key) => data.channels[key] === 0)}
      excelHref={dashboardWorkbookPath(query, 'channels')}
      table={<FigureTable label={title} rows={rows} columns={sliceColumns(t)} rowKey={(row) => row.key} />}
    />
  );
}

/** Dossiers with a fee: paid online, paid otherwise, not paid yet. */
export function PaymentsChart({ data, query }: Props) {
  const { t } = useTranslation();
  const title = t('statistics.charts.payments');
  const { feeRequired, paid, paidOnline, paidOnlineShare } = data.payments;
  const option = useMemo(
    () =>
      pie(title, [
        { name: t('statistics.payments.paidOnline'), value: paidOnline, color: COLORS.online },
        { name: t('statistics.payments.paidOther'), value: Math.max(0, paid - paidOnline), color: COLORS.finished },
        { name: t('statistics.payments.unpaid'), value: Math.max(0, feeRequired - paid), color: COLORS.pending },
      ]),
    [feeRequired, paid, paidOnline, t, title],
  );
  const rows: Slice[] = [
    { key: 'feeRequired', name: t('statistics.payments.feeRequired'), value: formatCount(feeRequired) },
    { key: 'paid', name: t('statistics.payments.paid'), value: formatCount(paid) },
    { key: 'paidOnline', name: t('statistics.payments.paidOnline'), value: formatCount(paidOnline) },
    { key: 'paidOnlineShare', name: t('statistics.payments.paidOnlineShare'), value: formatRate(paidOnlineShare) },
  ];
  return (
    <ChartCard
      title={title}
      option={option}
      empty={feeRequired === 0}
      excelHref={dashboardWorkbookPath(query, 'payments')}
      table={<FigureTable label={title} rows={rows} columns={sliceColumns(t)} rowKey={(row) => row.key} />}
    />
  );
}

/** Ratings: satisfied against dissatisfied, and the index (indicator 5.4). */
export function SatisfactionChart({ data, query }: Props) {
  const { t } = useTranslation();
  const title = t('statistics.charts.satisfaction');
  const { rated, negative, index } = data.satisfaction;
  const option = useMemo(
    () =>
      pie(title, [
        { name: t('statistics.satisfaction.positive'), value: Math.max(0, rated - negative), color: COLORS.finished },
        { name: t('statistics.satisfaction.negative'), value: negative, color: COLORS.overdue },
      ]),
    [rated, negative, t, title],
  );
  const rows: Slice[] = [
    { key: 'rated', name: t('statistics.satisfaction.rated'), value: formatCount(rated) },
    { key: 'negative', name: t('statistics.satisfaction.negative'), value: formatCount(negative) },
    { key: 'index', name: t('statistics.satisfaction.index'), value: formatRate(index) },
  ];
  return (
    <ChartCard
      title={title}
      option={option}
      empty={rated === 0}
      // No chart of its own in the workbook endpoint: the whole workbook carries the totals.
      excelHref={dashboardWorkbookPath(query)}
      table={<FigureTable label={title} rows={rows} columns={sliceColumns(t)} rowKey={(row) => row.key} />}
      footer={
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          {t('statistics.satisfaction.index')}: <strong>{formatRate(index)}</strong>
        </Typography.Paragraph>
      }
    />
  );
}

/** Official documents in and out by month; documents past their handling deadline now. */
export function DocumentsChart({ data, query }: Props) {
  const { t } = useTranslation();
  const title = t('statistics.charts.documents');
  const trend = data.documents.trend;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => formatCount(Number(value)) },
      legend: { top: 0 },
      grid: { left: 16, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: trend.map((row) => formatMonth(row.month)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('statistics.columns.incoming'), type: 'bar', data: trend.map((row) => row.incoming), itemStyle: { color: COLORS.received } },
        { name: t('statistics.columns.outgoing'), type: 'bar', data: trend.map((row) => row.outgoing), itemStyle: { color: COLORS.postal } },
      ],
    }),
    [trend, t],
  );
  const columns: TableColumnsType<{ month: string; incoming: number; outgoing: number }> = [
    { title: t('statistics.columns.month'), dataIndex: 'month', render: formatMonth },
    { title: t('statistics.columns.incoming'), dataIndex: 'incoming', align: 'right', render: formatCount },
    { title: t('statistics.columns.outgoing'), dataIndex: 'outgoing', align: 'right', render: formatCount },
  ];
  const overdueByUnit = data.documents.overdueByUnit.filter((row) => row.count > 0);
  return (
    <ChartCard
      title={title}
      option={option}
      empty={trend.every((row) => row.incoming + row.outgoing === 0)}
      excelHref={dashboardWorkbookPath(query, 'documents')}
      table={<FigureTable label={title} rows={trend} columns={columns} rowKey={(row) => row.month} />}
      footer={
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          {t('statistics.documents.overdue', { count: data.documents.overdue })}
          {overdueByUnit.length > 0 && ` (${overdueByUnit.map((row) => `${unitLabel(row, t)}: ${formatCount(row.count)}`).join('; ')})`}
        </Typography.Paragraph>
      }
    />
  );
}
