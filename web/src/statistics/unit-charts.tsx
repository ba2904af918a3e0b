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
/** Units down the side: their names are long, and a province has dozens. */
const unitAxis = (names: string[]) => ({ type: 'category', data: names, axisLabel: { interval: 0, width: 200, overflow: 'truncate' } });
/** Room for each unit's bars (`series` of them side by side) plus the axes. */
const heightFor = (rows: number, series: number) => Math.max(200, 72 + rows * (12 + series * 12));
/** A unit's own dossiers sit beside its children's rows, named so they are not taken for the whole subtree. */
export const unitLabel = (row: { unit: { name: string }; own?: boolean }, t: (key: string, options?: Record<string, unknown>) => string) =>
  row.own ? t('statistics.ownRow', { unit: row.unit.name }) : row.unit.name;

const bar = (name: string, data: number[], color: string) => ({ name, type: 'bar', data, itemStyle: { color } });

/** Received, resolved and in-progress dossiers of each unit directly below (each with its subtree). */
export function ByUnitChart({ data, query }: { data: Dashboard; query: DashboardQuery }) {
  const { t } = useTranslation();
  const title = t('statistics.charts.byUnit');
  // The chart shows the units with figures (a province has dozens); the table lists every unit.
  const shown = useMemo(() => data.byUnit.filter((row) => row.received + row.finished + row.pending > 0), [data]);
  const option = useMemo(() => {
    const rows = [...shown].reverse();
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => formatCount(Number(value)) },
      legend: { top: 0 },
      grid: { left: 16, right: 24, bottom: 8, top: 40, containLabel: true },
      yAxis: unitAxis(rows.map((row) => unitLabel(row, t))),
      xAxis: axisCount,
      series: [
        bar(t('statistics.columns.received'), rows.map((row) => row.received), COLORS.received),
        bar(t('statistics.columns.finished'), rows.map((row) => row.finished), COLORS.finished),
        bar(t('statistics.columns.pending'), rows.map((row) => row.pending), COLORS.pending),
      ],
    };
  }, [shown, t]);
  const columns: TableColumnsType<UnitFigures> = [
    { title: t('statistics.columns.unit'), key: 'unit', render: (_: unknown, row) => unitLabel(row, t) },
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
      height={heightFor(shown.length, 3)}
      empty={shown.length === 0}
      excelHref={dashboardWorkbookPath(query, 'byUnit')}
      table={<FigureTable label={title} rows={data.byUnit} columns={columns} rowKey={(row) => `${row.unit.id}${row.own ? '-own' : ''}`} />}
    />
  );
}

/** Overdue dossiers now, by unit: a bar (or the table's button) opens that unit's list. */
export function OverdueChart({ data, query, onOpen }: { data: Dashboard; query: DashboardQuery; onOpen: (unit: { id: number; name: string }) => void }) {
  const { t } = useTranslation();
  const title = t('statistics.charts.overdue');
  // Only the units with overdue dossiers get a bar; each bar opens its unit's list.
  const shown = useMemo(() => data.byUnit.filter((row) => row.overdue > 0), [data]);
  const option = useMemo(() => {
    const rows = [...shown].reverse();
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => formatCount(Number(value)) },
      grid: { left: 16, right: 24, bottom: 8, top: 16, containLabel: true },
      yAxis: unitAxis(rows.map((row) => unitLabel(row, t))),
      xAxis: axisCount,
      series: [{ ...bar(t('statistics.columns.overdue'), rows.map((row) => row.overdue), COLORS.overdue), barMaxWidth: 32 }],
    };
  }, [shown, t]);
  const columns: TableColumnsType<UnitFigures> = [
    { title: t('statistics.columns.unit'), key: 'unit', render: (_: unknown, row) => unitLabel(row, t) },
    { title: t('statistics.columns.overdue'), dataIndex: 'overdue', align: 'right', render: formatCount },
    {
      title: t('common.actions'),
      key: 'open',
      render: (_: unknown, row) =>
        row.overdue > 0 ? (
          <Button size="small" onClick={() => onOpen({ id: row.unit.id, name: unitLabel(row, t) })} aria-label={t('statistics.overdue.open', { unit: unitLabel(row, t) })}>
            {t('statistics.overdue.list')}
          </Button>
        ) : null,
    },
  ];
  return (
    <ChartCard
      title={title}
      option={option}
      height={heightFor(shown.length, 1)}
      empty={shown.length === 0}
      excelHref={dashboardWorkbookPath(query, 'byUnit')}
      onItemClick={(index) => {
        // The axis lists the units bottom-up (the first unit on top), so the index counts from the end.
        const row = shown[shown.length - 1 - index];
        if (row) onOpen({ id: row.unit.id, name: unitLabel(row, t) });
      }}
      table={<FigureTable label={title} rows={data.byUnit} columns={columns} rowKey={(row) => `${row.unit.id}${row.own ? '-own' : ''}`} />}
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
