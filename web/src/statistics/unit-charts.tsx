import { useMemo } from 'react';
import { Button, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dashboard, DashboardQuery, ProcedureFigures, UnitFigures } from '../api/statistics';
import { dashboardWorkbookPath } from '../api/statistics';
import { ChartCard } from './chart-card';
import { FigureTable } from './figure-table';
import { formatCount, formatRate } from './format';

export const COLORS = { received: '#0b4fa8', finished: '#237804', pending: '#d48806', overdue: '#a8071a', online: '#0b4fa8', counter: '#d48806', postal: '#531dab' };

const axisCount = { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => formatCount(value) } };
const categories = (names: string[]) => ({ type: 'category', data: names, axisLabel: { interval: 0, width: 120, overflow: 'truncate' } });
const bar = (name: string, data: number[], color: string) => ({ name, type: 'bar', data, itemStyle: { color } });

/** Received, resolved and in-progress dossiers of each unit directly below (each with its subtree). */
export function ByUnitChart({ data, query }: { data: Dashboard; query: DashboardQuery }) {
  const { t } = useTranslation();
  const title = t('statistics.charts.byUnit');
  const option = useMemo(() => {
    const names = data.byUnit.map((row) => row.unit.name);
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => formatCount(Number(value)) },
      legend: { top: 0 },
      grid: { left: 16, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: categories(names),
      yAxis: axisCount,
      series: [
        bar(t('statistics.columns.received'), data.byUnit.map((row) => row.received), COLORS.received),
        bar(t('statistics.columns.finished'), data.byUnit.map((row) => row.finished), COLORS.finished),
        bar(t('statistics.columns.pending'), data.byUnit.map((row) => row.pending), COLORS.pending),
      ],
    };
  }, [data, t]);
  const columns: TableColumnsType<UnitFigures> = [
    { title: t('statistics.columns.unit'), dataIndex: ['unit', 'name'] },
    ...(['received', 'finished', 'pending', 'onTime', 'late'] as const).map((key) => ({
      title: t(`statistics.columns.${key}`),
      dataIndex: key,
      align: 'right' as const,
      render: formatCount,
    })),
    { title: t('statistics.columns.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: formatRate },
  ];
  return (
    <ChartCard
      title={title}
      option={option}
      empty={data.byUnit.length === 0}
      excelHref={dashboardWorkbookPath(query, 'byUnit')}
      table={<FigureTable label={title} rows={data.byUnit} columns={columns} rowKey={(row) => String(row.unit.id)} />}
    />
  );
}

/** Overdue dossiers now, by unit: a bar (or the table's button) opens that unit's list. */
export function OverdueChart({ data, query, onOpen }: { data: Dashboard; query: DashboardQuery; onOpen: (unit: { id: number; name: string }) => void }) {
  const { t } = useTranslation();
  const title = t('statistics.charts.overdue');
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => formatCount(Number(value)) },
      grid: { left: 16, right: 16, bottom: 8, top: 16, containLabel: true },
      xAxis: categories(data.byUnit.map((row) => row.unit.name)),
      yAxis: axisCount,
      series: [{ ...bar(t('statistics.columns.overdue'), data.byUnit.map((row) => row.overdue), COLORS.overdue), barMaxWidth: 48 }],
    }),
    [data, t],
  );
  const columns: TableColumnsType<UnitFigures> = [
    { title: t('statistics.columns.unit'), dataIndex: ['unit', 'name'] },
    { title: t('statistics.columns.overdue'), dataIndex: 'overdue', align: 'right', render: formatCount },
    {
      title: t('common.actions'),
      key: 'open',
      render: (_: unknown, row) =>
        row.overdue > 0 ? (
          <Button size="small" onClick={() => onOpen(row.unit)} aria-label={t('statistics.overdue.open', { unit: row.unit.name })}>
            {t('statistics.overdue.list')}
          </Button>
        ) : null,
    },
  ];
  return (
    <ChartCard
      title={title}
      option={option}
      empty={data.byUnit.length === 0}
      excelHref={dashboardWorkbookPath(query, 'byUnit')}
      onItemClick={(index) => {
        const row = data.byUnit[index];
        if (row && row.overdue > 0) onOpen(row.unit);
      }}
      table={<FigureTable label={title} rows={data.byUnit} columns={columns} rowKey={(row) => String(row.unit.id)} />}
      footer={<Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('statistics.charts.overdueHint')}</Typography.Paragraph>}
    />
  );
}

/** The 20 procedures with most dossiers received (horizontal bars: their names are long). */
export function ByProcedureChart({ data, query }: { data: Dashboard; query: DashboardQuery }) {
  const { t } = useTranslation();
  const title = t('statistics.charts.byProcedure');
  const rows = data.byProcedure;
  const option = useMemo(() => {
    const reversed = [...rows].reverse();
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => formatCount(Number(value)) },
      legend: { top: 0 },
      grid: { left: 16, right: 24, bottom: 8, top: 40, containLabel: true },
      yAxis: { type: 'category', data: reversed.map((row) => row.procedureName), axisLabel: { width: 220, overflow: 'truncate' } },
      xAxis: axisCount,
      series: [
        bar(t('statistics.columns.received'), reversed.map((row) => row.received), COLORS.received),
        bar(t('statistics.columns.finished'), reversed.map((row) => row.finished), COLORS.finished),
        bar(t('statistics.columns.pending'), reversed.map((row) => row.pending), COLORS.pending),
      ],
    };
  }, [rows, t]);
  const columns: TableColumnsType<ProcedureFigures> = [
    { title: t('statistics.columns.procedure'), dataIndex: 'procedureName', render: (name: string, row) => `${row.procedureCode} — ${name}` },
    ...(['received', 'finished', 'pending'] as const).map((key) => ({ title: t(`statistics.columns.${key}`), dataIndex: key, align: 'right' as const, render: formatCount })),
    { title: t('statistics.columns.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: formatRate },
  ];
  return (
    <ChartCard
      title={title}
      option={option}
      height={Math.max(240, 60 + rows.length * 36)}
      empty={rows.length === 0}
      excelHref={dashboardWorkbookPath(query, 'byProcedure')}
      table={<FigureTable label={title} rows={rows} columns={columns} rowKey={(row) => row.procedureCode} />}
    />
  );
}
