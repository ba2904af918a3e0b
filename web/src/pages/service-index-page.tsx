import { useState } from 'react';
import { Button, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchServiceIndex, type DashboardQuery, type IndicatorResult, type ServiceIndex } from '../api/statistics';
import { fetchUnits } from '../api/units';
import { useMe } from '../auth/session';
import { PageSpinner } from '../components/page-spinner';
import { ProblemAlert } from '../components/problem-alert';
import { ScrollRegion } from '../components/scroll-region';
import { usePageTitle } from '../components/use-page-title';
import { ExplainModal } from '../statistics/explain-modal';
import { formatScore } from '../statistics/format';
import { IndicatorGroup, ScoreBar } from '../statistics/index-groups';
import { PeriodFilters } from '../statistics/period-filters';
import { unitsInScope } from '../statistics/scope';
import { useStatisticsFilters } from '../statistics/use-filters';
import '../statistics/statistics.css';

type Child = ServiceIndex['children'][number];

/** Chỉ số phục vụ (Decision 766): groups, indicators and scores of a unit; an indicator drills to its dossiers. */
export function ServiceIndexPage() {
  const { t } = useTranslation();
  usePageTitle(t('statistics.menu.serviceIndex'));
  const me = useMe();
  const units = useQuery({ queryKey: ['units'], queryFn: fetchUnits });
  const scope = me.data && units.data ? unitsInScope(me.data, units.data) : undefined;
  const filters = useStatisticsFilters();
  // The public index needs a unit: without one in the address, the caller's first unit in scope (the tree's root).
  const unit = filters.unit ?? scope?.[0]?.id;
  const query: DashboardQuery = { unit, ...filters.period };
  const index = useQuery({
    queryKey: ['service-index', query],
    queryFn: () => fetchServiceIndex(query),
    enabled: unit !== undefined,
    placeholderData: keepPreviousData,
  });
  const [explained, setExplained] = useState<IndicatorResult | null>(null);
  const data = index.data;

  const childColumns: TableColumnsType<Child> = [
    { title: t('statistics.columns.unit'), dataIndex: ['unit', 'name'] },
    { title: t('statistics.columns.score'), key: 'score', render: (_: unknown, row) => <ScoreBar score={row.score} of={100} label={row.unit.name} /> },
    {
      title: t('common.actions'),
      key: 'open',
      render: (_: unknown, row) => (
        <Button size="small" onClick={() => filters.setUnit(row.unit.id)} aria-label={t('statistics.index.showUnit', { unit: row.unit.name })}>
          {t('statistics.index.show')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={1}>{t('statistics.index.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('statistics.index.subtitle')}</Typography.Paragraph>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card>
          <PeriodFilters units={scope} unit={unit} onUnitChange={filters.setUnit} range={filters.range} onRangeChange={filters.setRange} />
          <ProblemAlert error={index.error ?? units.error} />
        </Card>
        {!data && (index.isPending || units.isPending) && <PageSpinner />}
        {data && (
          <>
            <Card>
              <Row gutter={[16, 16]} align="middle">
                <Col xs={24} md={12}>
                  <Typography.Title level={2} className="cqs-stat-unit">
                    {data.unit.name}
                  </Typography.Title>
                  <Typography.Text type="secondary">{data.configVersion > 0 ? t('statistics.index.configVersion', { version: data.configVersion }) : t('statistics.index.configDefault')}</Typography.Text>
                </Col>
                <Col xs={24} md={12}>
                  <Statistic title={t('statistics.index.score')} value={t('statistics.index.outOf', { score: formatScore(data.score) })} />
                </Col>
              </Row>
            </Card>
            {data.groups.map((group) => (
              <IndicatorGroup key={group.code} group={group} onExplain={setExplained} />
            ))}
            {data.children.length > 0 && (
              <Card title={<h2 className="cqs-chart-title">{t('statistics.index.children')}</h2>}>
                <ScrollRegion label={t('statistics.index.children')}>
                  <Table<Child>
                    size="small"
                    rowKey={(row) => String(row.unit.id)}
                    columns={childColumns}
                    dataSource={data.children}
                    pagination={false}
                    style={{ minWidth: 640 }}
                  />
                </ScrollRegion>
              </Card>
            )}
          </>
        )}
      </Space>
      <ExplainModal indicator={explained} query={query} onClose={() => setExplained(null)} />
    </>
  );
}
