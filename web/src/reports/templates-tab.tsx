import { useState } from 'react';
import { Flex, Input, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchTemplates, type TemplateSummary } from '../api/reports';
import { LinkButton } from '../components/link-button';
import { ProblemAlert } from '../components/problem-alert';
import { ScrollRegion } from '../components/scroll-region';
import { ReportStatusTag } from './report-tags';

/** Mẫu báo cáo: the templates this office issues, searchable by code or name. */
export function TemplatesTab() {
  const { t } = useTranslation();
  const [q, setQ] = useState<string>();
  const query = useQuery({ queryKey: ['report-templates', q], queryFn: () => fetchTemplates({ q }), placeholderData: keepPreviousData });
  const columns: TableColumnsType<TemplateSummary> = [
    { title: t('reports.field.templateCode'), dataIndex: 'code' },
    { title: t('reports.field.templateName'), key: 'name', render: (_, item) => <Link to={`/office/reports/templates/${item.id}`}>{item.name}</Link> },
    { title: t('reports.field.regime'), key: 'regime', render: (_, item) => t(`reports.regime.${item.regime}`) },
    { title: t('reports.field.version'), dataIndex: 'version' },
    { title: t('reports.field.status'), key: 'status', render: (_, item) => <ReportStatusTag status={item.status} /> },
  ];
  return (
    <>
      <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t('reports.list.searchTemplates')}
          placeholder={t('reports.list.searchTemplates')}
          allowClear
          onSearch={(text) => setQ(text.trim() || undefined)}
          style={{ maxWidth: 360 }}
        />
        <LinkButton type="primary" icon={<PlusOutlined aria-hidden="true" />} to="/office/reports/templates/new">
          {t('reports.actions.newTemplate')}
        </LinkButton>
      </Flex>
      <ProblemAlert error={query.error} />
      <ScrollRegion label={t('reports.tabs.templates')}>
        <Table<TemplateSummary>
          rowKey="id"
          columns={columns}
          dataSource={query.data ?? []}
          loading={query.isFetching}
          locale={{ emptyText: <span className="cqs-report-empty">{t('reports.list.noTemplates')}</span> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          style={{ minWidth: 640 }}
        />
      </ScrollRegion>
    </>
  );
}
