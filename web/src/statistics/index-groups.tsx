import { Button, Card, Progress, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GroupResult, IndicatorResult } from '../api/statistics';
import { ScrollRegion } from '../components/scroll-region';
import { formatCount, formatRate, formatScore } from './format';

/** Points earned against points possible, as a bar and as text (the text is what a screen reader reads). */
export function ScoreBar({ score, of, label }: { score: number | null; of: number; label: string }) {
  const { t } = useTranslation();
  const text = t('statistics.index.groupScore', { score: formatScore(score), weight: formatScore(of) });
  return (
    <Space direction="vertical" size={0} className="cqs-score-bar">
      <span>{text}</span>
      <Progress percent={score === null || of === 0 ? 0 : Math.round((score / of) * 1000) / 10} showInfo={false} size="small" aria-label={`${label}: ${text}`} />
    </Space>
  );
}

/** One group of Decision 766 with its indicators; an indicator's name opens the dossiers behind it. */
export function IndicatorGroup({ group, onExplain }: { group: GroupResult; onExplain: (indicator: IndicatorResult) => void }) {
  const { t } = useTranslation();
  const title = t('statistics.index.group', { code: group.code, name: group.name });
  const columns: TableColumnsType<IndicatorResult> = [
    {
      title: t('statistics.index.indicator'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Button type="link" className="cqs-indicator-link" onClick={() => onExplain(row)} aria-label={`${row.code}. ${name} — ${t('statistics.index.explainOpen', { code: row.code })}`}>
          {row.code}. {name}
        </Button>
      ),
    },
    {
      title: t('statistics.index.value'),
      key: 'value',
      align: 'right',
      render: (_: unknown, row) =>
        row.noData ? (
          <Tag bordered={false}>{t('statistics.index.noData')}</Tag>
        ) : (
          <Space direction="vertical" size={0}>
            <strong>{formatRate(row.value)}</strong>
            <Typography.Text type="secondary">
              {t('statistics.index.fraction', { numerator: formatCount(row.numerator), denominator: formatCount(row.denominator) })}
            </Typography.Text>
          </Space>
        ),
    },
    { title: t('statistics.index.threshold'), dataIndex: 'threshold', align: 'right', render: (value: number) => formatRate(value) },
    {
      title: t('statistics.index.points'),
      key: 'points',
      width: 180,
      render: (_: unknown, row) => (row.noData ? '—' : <ScoreBar score={row.score} of={row.points} label={row.code} />),
    },
  ];
  return (
    <Card title={<h2 className="cqs-chart-title">{title}</h2>} extra={<ScoreBar score={group.score} of={group.weight} label={title} />} className="cqs-chart-card">
      <ScrollRegion label={title}>
        <Table<IndicatorResult> size="small" rowKey="code" columns={columns} dataSource={group.indicators} pagination={false} style={{ minWidth: 720 }} />
      </ScrollRegion>
    </Card>
  );
}
