import { Card, List, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchProcedures } from '../api/procedures';
import { ProblemAlert } from '../components/problem-alert';
import { usePageTitle } from '../components/use-page-title';
import { ProcedureFilters } from '../procedures/procedure-filters';
import { ProcedureListItem } from '../procedures/procedure-list-item';
import { PAGE_SIZE, useProcedureQuery } from '../procedures/use-procedure-query';
import '../procedures/procedures.css';

/** Dịch vụ công trực tuyến: the public, searchable procedure catalogue. */
export function ServicesPage() {
  const { t } = useTranslation();
  usePageTitle(t('procedures.title'));
  const [query, setQuery] = useProcedureQuery();
  const procedures = useQuery({ queryKey: ['procedures', query], queryFn: () => fetchProcedures(query), placeholderData: keepPreviousData });
  const total = procedures.data?.total ?? 0;

  return (
    <div className="cqs-container cqs-page">
      <Typography.Title level={1}>{t('procedures.title')}</Typography.Title>
      <Typography.Paragraph>{t('procedures.intro')}</Typography.Paragraph>
      <section aria-labelledby="procedure-search-title">
        <Card>
          <Typography.Title id="procedure-search-title" level={2} className="cqs-search-title">
            {t('procedures.searchTitle')}
          </Typography.Title>
          <ProcedureFilters query={query} onChange={setQuery} />
        </Card>
      </section>
      <section aria-labelledby="procedure-results-title" style={{ marginTop: 24 }}>
        <Typography.Title id="procedure-results-title" level={2}>
          {t('procedures.results')}
        </Typography.Title>
        <ProblemAlert error={procedures.error} />
        <p role="status" className="cqs-result-count">
          {procedures.data ? t('procedures.found', { total }) : ''}
        </p>
        <List
          itemLayout="vertical"
          bordered
          className="cqs-procedure-list"
          dataSource={procedures.data?.items ?? []}
          loading={procedures.isFetching}
          locale={{ emptyText: t('procedures.empty') }}
          renderItem={(procedure) => <ProcedureListItem procedure={procedure} />}
          rowKey="code"
          pagination={
            total > PAGE_SIZE && {
              current: query.page,
              pageSize: PAGE_SIZE,
              total,
              showSizeChanger: false,
              align: 'center',
              onChange: (page) => setQuery({ ...query, page }),
            }
          }
        />
      </section>
    </div>
  );
}
