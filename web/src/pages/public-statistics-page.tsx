import { Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchPublicStatistics } from '../api/statistics';
import { PageSpinner } from '../components/page-spinner';
import { ProblemAlert } from '../components/problem-alert';
import { usePageTitle } from '../components/use-page-title';
import { formatCount, formatRate, formatScore } from '../statistics/format';
import { PeriodFilters } from '../statistics/period-filters';
import { ProvinceMonthsChart, UnitsTable } from '../statistics/public-charts';
import { useStatisticsFilters } from '../statistics/use-filters';
import '../statistics/statistics.css';

/** Thống kê: the province's public figures, without signing in (like the national portal's statistics page). */
export function PublicStatisticsPage() {
  const { t } = useTranslation();
  usePageTitle(t('statistics.public.title'));
  const filters = useStatisticsFilters();
  const stats = useQuery({ queryKey: ['public-statistics', filters.period], queryFn: () => fetchPublicStatistics(filters.period), placeholderData: keepPreviousData });
  const data = stats.data;
  const province = data?.province;
  const figures = province
    ? [
        { key: 'received', title: t('statistics.kpi.received'), value: formatCount(province.received) },
        { key: 'finished', title: t('statistics.kpi.finished'), value: formatCount(province.finished) },
        { key: 'onTimeRate', title: t('statistics.kpi.onTimeRate'), value: formatRate(province.onTimeRate) },
        { key: 'onlineShare', title: t('statistics.kpi.onlineShare'), value: formatRate(province.onlineShare) },
        { key: 'score', title: t('statistics.index.score'), value: t('statistics.index.outOf', { score: formatScore(province.score) }) },
      ]
    : [];
  return (
    <div className="cqs-container cqs-page">
      <Typography.Title level={1}>{t('statistics.public.title')}</Typography.Title>
      <Typography.Paragraph>{t('statistics.public.intro')}</Typography.Paragraph>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card>
          <PeriodFilters range={filters.range} onRangeChange={filters.setRange} />
          <ProblemAlert error={stats.error} />
        </Card>
        {!data && stats.isPending && <PageSpinner />}
        {data && (
          <>
            <section aria-labelledby="statistics-province">
              <Typography.Title level={2} id="statistics-province">
                {t('statistics.public.province')}
              </Typography.Title>
              <Row gutter={[16, 16]} role="list">
                {figures.map((figure) => (
                  <Col key={figure.key} xs={12} md={8} lg={4} flex="auto" role="listitem">
                    <Card size="small" className="cqs-kpi">
                      <Statistic title={figure.title} value={figure.value} />
                    </Card>
                  </Col>
                ))}
              </Row>
            </section>
            <ProvinceMonthsChart months={data.months} />
            <Card title={<h2 className="cqs-chart-title">{t('statistics.public.units')}</h2>} className="cqs-chart-card">
              <UnitsTable units={data.units} />
            </Card>
          </>
        )}
      </Space>
    </div>
  );
}
