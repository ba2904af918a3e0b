import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../api/statistics';
import { formatCount, formatRate } from './format';

const COUNTS = ['received', 'finished', 'pending', 'overdue'] as const;
const RATES = ['onTimeRate', 'onlineShare', 'paidOnlineShare', 'satisfaction'] as const;

/** The period's headline figures; pending and overdue are as of now (contract B). */
export function KpiCards({ totals }: { totals: Dashboard['totals'] }) {
  const { t } = useTranslation();
  const cards = [
    ...COUNTS.map((key) => ({ key, value: formatCount(totals[key]) })),
    ...RATES.map((key) => ({ key, value: formatRate(totals[key]) })),
  ];
  return (
    <Row gutter={[16, 16]} role="list" aria-label={t('statistics.menu.dashboard')}>
      {cards.map(({ key, value }) => (
        <Col key={key} xs={12} md={6} role="listitem">
          <Card size="small" className={key === 'overdue' && totals.overdue > 0 ? 'cqs-kpi cqs-kpi-alert' : 'cqs-kpi'}>
            <Statistic title={t(`statistics.kpi.${key}`)} value={value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
