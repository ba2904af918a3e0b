import { useState } from 'react';
import { Button, Card, Col, Row, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dashboardWorkbookPath, fetchDashboard, type DashboardQuery } from '../api/statistics';
import { fetchUnits } from '../api/units';
import { useMe } from '../auth/session';
import { PageSpinner } from '../components/page-spinner';
import { ProblemAlert } from '../components/problem-alert';
import { usePageTitle } from '../components/use-page-title';
import { KpiCards } from '../statistics/kpi-cards';
import { OverdueModal } from '../statistics/overdue-modal';
import { PeriodFilters } from '../statistics/period-filters';
import { unitsInScope } from '../statistics/scope';
import { useStatisticsFilters } from '../statistics/use-filters';
import { ChannelsChart, DocumentsChart, PaymentsChart, SatisfactionChart, TrendChart } from '../statistics/share-charts';
import { ByProcedureChart, ByUnitChart, OverdueChart } from '../statistics/unit-charts';
import '../statistics/statistics.css';

/** Bảng điều hành: a leader's live view of the one-stop work of the units in scope (report.view). */
export function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('statistics.menu.dashboard'));
  const me = useMe();
  const filters = useStatisticsFilters();
  const query: DashboardQuery = { unit: filters.unit, ...filters.period };
  const dashboard = useQuery({ queryKey: ['statistics-dashboard', query], queryFn: () => fetchDashboard(query), placeholderData: keepPreviousData });
  const units = useQuery({ queryKey: ['units'], queryFn: fetchUnits });
  const [overdueUnit, setOverdueUnit] = useState<{ id: number; name: string } | null>(null);
  const data = dashboard.data;
  // The unit the server chose (the caller's highest unit in scope) is what the exports and the filter show.
  const shown: DashboardQuery = { ...query, unit: query.unit ?? data?.unit.id };

  return (
    <>
      <Typography.Title level={1}>{t('statistics.menu.dashboard')}</Typography.Title>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card>
          <PeriodFilters
            units={me.data && units.data ? unitsInScope(me.data, units.data) : undefined}
            unit={shown.unit}
            onUnitChange={filters.setUnit}
            range={filters.range}
            onRangeChange={filters.setRange}
          >
            <Button icon={<DownloadOutlined aria-hidden="true" />} href={dashboardWorkbookPath(shown)} download>
              {t('statistics.excelAll')}
            </Button>
          </PeriodFilters>
          <ProblemAlert error={dashboard.error} />
        </Card>
        {!data && dashboard.isPending && <PageSpinner />}
        {data && (
          <>
            <Typography.Title level={2} className="cqs-stat-unit">
              {data.unit.name}
            </Typography.Title>
            <KpiCards totals={data.totals} />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <ByUnitChart data={data} query={shown} />
              </Col>
              <Col xs={24} xl={12}>
                <OverdueChart data={data} query={shown} onOpen={setOverdueUnit} />
              </Col>
              <Col xs={24} xl={12}>
                <TrendChart data={data} query={shown} />
              </Col>
              <Col xs={24} xl={12}>
                <ChannelsChart data={data} query={shown} />
              </Col>
              <Col xs={24}>
                <ByProcedureChart data={data} query={shown} />
              </Col>
              <Col xs={24} xl={12}>
                <PaymentsChart data={data} query={shown} />
              </Col>
              <Col xs={24} xl={12}>
                <SatisfactionChart data={data} query={shown} />
              </Col>
              <Col xs={24}>
                <DocumentsChart data={data} query={shown} />
              </Col>
            </Row>
          </>
        )}
      </Space>
      <OverdueModal unit={overdueUnit} onClose={() => setOverdueUnit(null)} />
    </>
  );
}
