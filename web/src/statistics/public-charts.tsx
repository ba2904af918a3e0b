import { useMemo } from 'react';
import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicStatistics } from '../api/statistics';
import { ScrollRegion } from '../components/scroll-region';
import { ChartCard } from './chart-card';
import { FigureTable } from './figure-table';
import { formatCount, formatMonth, formatRate, formatScore } from './format';
import { COLORS } from './unit-charts';

type Month = PublicStatistics['months'][number];
type UnitRow = PublicStatistics['units'][number];

/** The province month by month: dossiers received and resolved (bars) and the on-time rate (line, right axis). */
export function ProvinceMonthsChart({ months }: { months: Month[] }) {
  const { t } = useTranslation();
  const title = t('statistics.public.monthsChart');
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 16, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: months.map((row) => formatMonth(row.month)) },
      yAxis: [
        { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => formatCount(value) } },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' }, splitLine: { show: false } },
      ],
      series: [
        { name: t('statistics.columns.received'), type: 'bar', data: months.map((row) => row.received), itemStyle: { color: COLORS.received } },
        { name: t('statistics.columns.finished'), type: 'bar', data: months.map((row) => row.finished), itemStyle: { color: COLORS.finished } },
        {
          name: t('statistics.columns.onTimeRate'),
          type: 'line',
          yAxisIndex: 1,
          data: months.map((row) => (row.onTimeRate === null ? null : Math.round(row.onTimeRate * 1000) / 10)),
          itemStyle: { color: COLORS.overdue },
        },
      ],
    }),
    [months, t],
  );
  const columns: TableColumnsType<Month> = [
    { title: t('statistics.columns.month'), dataIndex: 'month', render: formatMonth },
    { title: t('statistics.columns.received'), dataIndex: 'received', align: 'right', render: formatCount },
    { title: t('statistics.columns.finished'), dataIndex: 'finished', align: 'right', render: formatCount },
    { title: t('statistics.columns.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: formatRate },
    { title: t('statistics.columns.onlineShare'), dataIndex: 'onlineShare', align: 'right', render: formatRate },
  ];
  return (
    <ChartCard
      title={title}
      option={option}
      empty={months.length === 0}
      table={<FigureTable label={t('statistics.public.months')} rows={months} columns={columns} rowKey={(row) => row.month} />}
    />
  );
}

const byNullable = (a: number | null, b: number | null) => (a ?? -1) - (b ?? -1);

/** Departments and communes: on-time rate and index score, sortable by any column. */
export function UnitsTable({ units }: { units: UnitRow[] }) {
  const { t } = useTranslation();
  // The rate and the score come right after the name; a phone shows only those (the months table has the counts).
  const columns: TableColumnsType<UnitRow> = [
    { title: t('statistics.columns.unit'), dataIndex: ['unit', 'name'], sorter: (a, b) => a.unit.name.localeCompare(b.unit.name, 'vi') },
    { title: t('statistics.columns.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: formatRate, sorter: (a, b) => byNullable(a.onTimeRate, b.onTimeRate) },
    { title: t('statistics.columns.score'), dataIndex: 'score', align: 'right', render: formatScore, sorter: (a, b) => byNullable(a.score, b.score), defaultSortOrder: 'descend' },
    { title: t('statistics.columns.received'), dataIndex: 'received', align: 'right', render: formatCount, sorter: (a, b) => a.received - b.received, responsive: ['sm'] },
    { title: t('statistics.columns.finished'), dataIndex: 'finished', align: 'right', render: formatCount, sorter: (a, b) => a.finished - b.finished, responsive: ['sm'] },
  ];
  return (
    <ScrollRegion label={t('statistics.public.units')}>
      <Table<UnitRow> size="small" rowKey={(row) => String(row.unit.id)} columns={columns} dataSource={units} pagination={false} />
    </ScrollRegion>
  );
}
