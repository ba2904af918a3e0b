import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Button, Card, Empty, Space } from 'antd';
import { DownloadOutlined, TableOutlined } from '@ant-design/icons';
import type { EChartsCoreOption } from 'echarts/core';
import { useTranslation } from 'react-i18next';

// ECharts is loaded with the statistics pages only, not with every page of the office.
const StatChart = lazy(() => import('./stat-chart').then((m) => ({ default: m.StatChart })));

interface Props {
  title: string;
  option: EChartsCoreOption;
  /** The same figures as text: shown instead of the chart with "Bảng" (WCAG 1.1.1, a text alternative). */
  table: ReactNode;
  excelHref?: string;
  empty?: boolean;
  height?: number;
  onItemClick?: (dataIndex: number) => void;
  footer?: ReactNode;
}

/** One chart of a dashboard with its table view and its Excel export. */
export function ChartCard({ title, option, table, excelHref, empty, height, onItemClick, footer }: Props) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const extra = (
    <Space wrap size="small">
      <Button
        size="small"
        icon={<TableOutlined aria-hidden="true" />}
        aria-label={t('statistics.tableOf', { title })}
        aria-pressed={asTable}
        type={asTable ? 'primary' : 'default'}
        onClick={() => setAsTable(!asTable)}
      >
        {t('statistics.table')}
      </Button>
      {excelHref && (
        <Button size="small" icon={<DownloadOutlined aria-hidden="true" />} href={excelHref} download aria-label={t('statistics.excelOf', { title })}>
          {t('statistics.excel')}
        </Button>
      )}
    </Space>
  );
  return (
    <Card title={<h2 className="cqs-chart-title">{title}</h2>} extra={extra} className="cqs-chart-card">
      {empty ? (
        <Empty description={t('statistics.noData')} />
      ) : asTable ? (
        table
      ) : (
        <Suspense fallback={<div style={{ height: height ?? 300 }} />}>
          <StatChart option={option} label={title} height={height} onItemClick={onItemClick} />
        </Suspense>
      )}
      {footer}
    </Card>
  );
}
