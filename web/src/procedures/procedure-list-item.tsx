import { Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ProcedureSummary } from '../api/procedures';
import { formatDuration, formatFee } from './format';
import { OnlineLevelTag } from './online-level-tag';

/** One search result: the name links to the detail page; code, field, level, time and fee underneath. */
export function ProcedureListItem({ procedure }: { procedure: ProcedureSummary }) {
  const { t } = useTranslation();
  return (
    <List.Item>
      <Flex vertical gap={6} style={{ width: '100%' }}>
        <Typography.Title level={3} className="cqs-procedure-name">
          <Link to={`/services/${encodeURIComponent(procedure.code)}`}>{procedure.name}</Link>
        </Typography.Title>
        <Flex wrap gap={8} align="center">
          <OnlineLevelTag level={procedure.onlineLevel} />
          <Tag bordered={false}>{procedure.field}</Tag>
          <Tag bordered={false}>{t(`procedures.levels.${procedure.level}`)}</Tag>
        </Flex>
        <dl className="cqs-procedure-facts">
          <div>
            <dt>{t('procedures.code')}</dt>
            <dd>{procedure.code}</dd>
          </div>
          <div>
            <dt>{t('procedures.processingTime')}</dt>
            <dd>{formatDuration(t, procedure.processingTime)}</dd>
          </div>
          <div>
            <dt>{t('procedures.fee')}</dt>
            <dd>{formatFee(t, procedure.totalFeeVnd)}</dd>
          </div>
        </dl>
      </Flex>
    </List.Item>
  );
}
