import { useState } from 'react';
import { Card, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchDossiers, type DossierSummary } from '../api/dossiers';
import { LinkButton } from '../components/link-button';
import { ProblemAlert } from '../components/problem-alert';
import { ScrollRegion } from '../components/scroll-region';
import { usePageTitle } from '../components/use-page-title';
import { StatusTag } from '../dossiers';
import { formatDate, formatDateTime } from '../format/date';
import { ReceiptsCard } from '../payments/receipts-card';
import { DraftsCard } from '../portal/drafts-card';
import '../portal/portal.css';

const PAGE_SIZE = 10;

/** Hồ sơ của tôi: the citizen's filed dossiers (newest first, as the server orders them) and unfinished drafts. */
export function MyDossiersPage() {
  const { t } = useTranslation();
  usePageTitle(t('citizen.dossiers.title'));
  const [page, setPage] = useState(1);
  const dossiers = useQuery({
    queryKey: ['dossiers', 'mine', page],
    queryFn: () => fetchDossiers({ page, pageSize: PAGE_SIZE }),
  });
  const columns: TableColumnsType<DossierSummary> = [
    {
      title: t('citizen.dossiers.code'),
      key: 'code',
      render: (_, dossier) => <Link to={`/portal/dossiers/${encodeURIComponent(dossier.code)}`}>{dossier.code}</Link>,
    },
    { title: t('citizen.dossiers.procedure'), dataIndex: 'procedureName' },
    { title: t('citizen.dossiers.status'), key: 'status', render: (_, dossier) => <StatusTag status={dossier.status} /> },
    { title: t('citizen.dossiers.submittedAt'), key: 'submittedAt', render: (_, dossier) => formatDateTime(dossier.submittedAt) },
    { title: t('citizen.dossiers.dueAt'), key: 'dueAt', render: (_, dossier) => formatDate(dossier.dueAt) },
  ];
  return (
    <Flex vertical gap={24} className="cqs-container cqs-page">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          {t('citizen.dossiers.title')}
        </Typography.Title>
        <LinkButton type="primary" to="/services">
          {t('citizen.dossiers.fileNew')}
        </LinkButton>
      </Flex>
      <Card title={<h2 className="cqs-card-title">{t('citizen.dossiers.filed')}</h2>}>
        <ProblemAlert error={dossiers.error} />
        <ScrollRegion label={t('citizen.dossiers.filed')}>
          <Table<DossierSummary>
            className="cqs-portal-table"
            rowKey="code"
            columns={columns}
            dataSource={dossiers.data?.items ?? []}
            loading={dossiers.isPending}
            locale={{ emptyText: t('portal.dossiersEmpty') }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: dossiers.data?.total ?? 0,
              hideOnSinglePage: true,
              showSizeChanger: false,
              onChange: setPage,
            }}
            style={{ minWidth: 760 }}
          />
        </ScrollRegion>
      </Card>
      <DraftsCard />
      <ReceiptsCard />
    </Flex>
  );
}
