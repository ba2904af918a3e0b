import { useState } from 'react';
import { Card, Flex, Form, Input, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchProcedures, type ProcedureQuery, type ProcedureSummary } from '../api/procedures';
import { LinkButton } from '../components/link-button';
import { ProblemAlert } from '../components/problem-alert';
import { ScrollRegion } from '../components/scroll-region';
import { usePageTitle } from '../components/use-page-title';
import { ExportCatalogueButton } from '../procedure-admin/export-catalogue-button';
import { ImportCatalogueButton, ImportOutcome, type ImportOutcomeValue } from '../procedure-admin/import-catalogue';
import { formatDuration } from '../procedures/format';
import '../procedure-admin/procedure-admin.css';

/** /office/procedures: the catalogue as administrators keep it (the list shows procedures in force). */
export function ProcedureAdminListPage() {
  const { t } = useTranslation();
  usePageTitle(t('procedureAdmin.title'));
  const [query, setQuery] = useState<ProcedureQuery & { page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const [problem, setProblem] = useState<unknown>(null);
  const [imported, setImported] = useState<ImportOutcomeValue | null>(null);
  const procedures = useQuery({ queryKey: ['procedure-admin-list', query], queryFn: () => fetchProcedures(query), placeholderData: keepPreviousData });

  const columns: TableColumnsType<ProcedureSummary> = [
    { title: t('procedures.code'), dataIndex: 'code', width: 120, render: (code: string) => <code>{code}</code> },
    { title: t('procedureAdmin.name'), dataIndex: 'name' },
    { title: t('procedures.field'), dataIndex: 'field', width: 140 },
    { title: t('procedures.level'), dataIndex: 'level', width: 140, render: (level: string) => t(`procedures.levels.${level}`) },
    { title: t('procedures.processingTime'), key: 'time', width: 180, render: (_, procedure) => formatDuration(t, procedure.processingTime) },
    { title: t('procedures.version'), dataIndex: 'version', width: 100, align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, procedure) => (
        <LinkButton to={`/office/procedures/${encodeURIComponent(procedure.code)}/edit`} size="small" icon={<EditOutlined aria-hidden="true" />} aria-label={t('procedureAdmin.editNamed', { name: procedure.name })}>
          {t('procedureAdmin.edit')}
        </LinkButton>
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={16}>
        <Typography.Title level={1}>{t('procedureAdmin.title')}</Typography.Title>
        <Flex gap={8} wrap>
          <LinkButton to="/office/procedures/new" type="primary" icon={<PlusOutlined aria-hidden="true" />}>
            {t('procedureAdmin.add')}
          </LinkButton>
          <ExportCatalogueButton onError={setProblem} />
          <ImportCatalogueButton onOutcome={setImported} />
        </Flex>
      </Flex>
      {imported && (
        <div style={{ marginBottom: 16 }}>
          <ImportOutcome outcome={imported} onClose={() => setImported(null)} />
        </div>
      )}
      <ProblemAlert error={problem} />
      <Card>
        <Form name="procedure-admin-search" layout="inline" colon={false} className="cqs-filters">
          <Form.Item label={t('procedures.searchLabel')} name="q">
            {/* Diacritics are ignored by the server: "dang ky" finds "Đăng ký". */}
            <Input.Search
              placeholder={t('procedures.searchPlaceholder')}
              allowClear
              enterButton={t('common.search')}
              onSearch={(q) => setQuery({ ...query, page: 1, q: q.trim() || undefined })}
              style={{ width: 380 }}
            />
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary">{t('procedureAdmin.listHelp')}</Typography.Paragraph>
        <ProblemAlert error={procedures.error} />
        <ScrollRegion label={t('procedureAdmin.title')}>
          <Table<ProcedureSummary>
            rowKey="code"
            columns={columns}
            dataSource={procedures.data?.items ?? []}
            loading={procedures.isFetching}
            locale={{ emptyText: t('procedures.empty') }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: procedures.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
            }}
            style={{ minWidth: 1040 }}
          />
        </ScrollRegion>
      </Card>
    </>
  );
}
