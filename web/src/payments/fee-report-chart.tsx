import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { CollectedReportRow } from '../api/accountant';
import { formatVnd } from './format';

// Only the parts the bar chart uses: the whole of ECharts would triple the office bundle.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const grouping = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** Collected and refunded amounts per group; the table below carries the same figures for screen readers. */
export function FeeReportChart({ rows, title }: { rows: CollectedReportRow[]; title: string }) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const instance = echarts.init(element.current!);
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const collected = t('accountant.reports.amount');
    const refunded = t('accountant.reports.refunded');
    chart.current?.setOption(
      {
        tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => formatVnd(Number(value)) },
        legend: { data: [collected, refunded], top: 0, left: 'center' },
        grid: { left: 24, right: 24, bottom: 8, top: 48, containLabel: true },
        xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, width: 160, overflow: 'truncate' } },
        yAxis: { type: 'value', axisLabel: { formatter: (value: number) => grouping.format(value) } },
        series: [
          { name: collected, type: 'bar', data: rows.map((r) => r.amountVnd), itemStyle: { color: '#b71c1c' } },
          { name: refunded, type: 'bar', data: rows.map((r) => r.refundedVnd), itemStyle: { color: '#f9a825' } },
        ],
      },
      true,
    );
  }, [rows, t]);

  return <div ref={element} role="img" aria-label={title} style={{ height: 320, width: '100%' }} />;
}
