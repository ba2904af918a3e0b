import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

// Only the parts these charts use: the whole of ECharts would triple the bundle (as in payments/fee-report-chart.tsx).
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The chart instance on its element, so a browser test can find a bar's pixel as a user sees it (`convertToPixel`). */
export type ChartElement = HTMLDivElement & { cqsChart?: echarts.ECharts };

interface Props {
  option: EChartsCoreOption;
  /** The chart's accessible name; the card's table view carries the same figures as text. */
  label: string;
  height?: number;
  /** Called with the category index of a clicked bar or point. */
  onItemClick?: (dataIndex: number) => void;
}

export function StatChart({ option, label, height = 300, onItemClick }: Props) {
  const element = useRef<ChartElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onItemClick);
  click.current = onItemClick;

  useEffect(() => {
    const host = element.current!;
    const instance = echarts.init(host);
    chart.current = instance;
    host.cqsChart = instance;
    instance.on('click', (params) => {
      if (typeof params.dataIndex === 'number') click.current?.(params.dataIndex);
    });
    const resize = () => instance.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(host);
    return () => {
      observer.disconnect();
      instance.dispose();
      delete host.cqsChart;
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={element} role="img" aria-label={label} className="cqs-stat-chart" style={{ height, width: '100%', cursor: onItemClick ? 'pointer' : undefined }} />;
}
