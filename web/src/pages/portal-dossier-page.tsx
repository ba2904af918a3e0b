import type { ReactNode } from 'react';
import { Card, Descriptions, Flex, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { dossierFormUrl, fetchDossier, fileUrl } from '../api/dossiers';
import { ErrorPage } from '../components/error-page';
import { LinkButton } from '../components/link-button';
import { PageSpinner } from '../components/page-spinner';
import { usePageTitle } from '../components/use-page-title';
import { PortalPaymentCard } from '../payments/portal-payment-card';
import { ComponentsTable, HistoryTimeline, StatusTag, TimelinessTag } from '../dossiers';
import { formatDate, formatDateTime } from '../format/date';
import '../portal/portal.css';
import { RatingCard } from '../portal/rating-card';
import { SupplementCard } from '../portal/supplement-card';
import { WithdrawButton } from '../portal/withdraw-button';

function CardTitle({ children }: { children: ReactNode }) {
  return <h2 className="cqs-card-title">{children}</h2>;
}

/** One of the citizen's dossiers: where it stands, what happened, the papers, and what the citizen can do now. */
export function PortalDossierPage() {
  const { t } = useTranslation();
  const code = useParams().code ?? '';
  // Another citizen's dossier answers 404 (access first, dossier-api.md): the page says "not found", nothing more.
  const dossier = useQuery({ queryKey: ['dossier', code], queryFn: () => fetchDossier(code) });
  usePageTitle(t('citizen.dossier.pageTitle', { code }));

  if (dossier.isPending) return <PageSpinner />;
  if (dossier.isError) {
    return (
      <div className="cqs-container cqs-page">
        <ErrorPage error={dossier.error} />
      </div>
    );
  }
  const d = dossier.data;
  const canSupplement = d.status === 'supplement_requested' && d.allowedActions.includes('supplement');
  return (
    <Flex vertical gap={24} className="cqs-container cqs-page">
      <div>
        <LinkButton type="link" to="/portal/dossiers" icon={<ArrowLeftOutlined aria-hidden="true" />} style={{ paddingLeft: 0 }}>
          {t('citizen.dossier.back')}
        </LinkButton>
        <Typography.Title level={1} style={{ marginBottom: 4 }}>
          {t('citizen.dossier.heading', { code: d.code })}
        </Typography.Title>
        <Typography.Text>{d.procedureName}</Typography.Text>
      </div>

      <Card title={<CardTitle>{t('citizen.dossier.overview')}</CardTitle>} extra={d.allowedActions.includes('withdraw') ? <WithdrawButton dossier={d} /> : undefined}>
        <Descriptions bordered column={{ xs: 1, md: 2 }} size="middle">
          <Descriptions.Item label={t('dossier.field.status')}>
            <Flex gap={4} wrap>
              <StatusTag status={d.status} />
              <TimelinessTag timeliness={d.timeliness} />
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('dossier.field.currentStep')}>{d.currentStep?.name ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('dossier.field.unit')}>{d.unit.name}</Descriptions.Item>
          <Descriptions.Item label={t('dossier.field.channel')}>{t(`dossier.channel.${d.channel}`)}</Descriptions.Item>
          <Descriptions.Item label={t('dossier.field.submittedAt')}>{formatDateTime(d.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('dossier.field.receivedAt')}>{formatDateTime(d.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('dossier.field.dueAt')}>{formatDate(d.dueAt)}</Descriptions.Item>
          <Descriptions.Item label={t('dossier.field.finishedAt')}>{formatDateTime(d.finishedAt)}</Descriptions.Item>
          {d.outcome && <Descriptions.Item label={t('citizen.dossier.outcome')}>{t(`dossier.outcome.${d.outcome}`)}</Descriptions.Item>}
        </Descriptions>
        {(d.resultFileId || d.forms.length > 0) && (
          <Flex wrap gap={12} style={{ marginTop: 16 }}>
            {d.resultFileId && (
              <Typography.Link href={fileUrl(d.resultFileId)} target="_blank" rel="noopener">
                <DownloadOutlined aria-hidden="true" /> {t('citizen.dossier.downloadResult')}
              </Typography.Link>
            )}
            {d.forms.map((form) => (
              <Typography.Link key={form} href={dossierFormUrl(d.code, form)} target="_blank" rel="noopener">
                <FilePdfOutlined aria-hidden="true" /> {t(`dossier.forms.${form}`)}
              </Typography.Link>
            ))}
          </Flex>
        )}
      </Card>

      <PortalPaymentCard dossier={d} />
      {canSupplement && <SupplementCard key={d.history.length} dossier={d} />}
      {(d.status === 'returned' || d.rating) && <RatingCard dossier={d} />}

      <Card title={<CardTitle>{t('dossier.components.title')}</CardTitle>}>
        <ComponentsTable components={d.components} />
      </Card>
      <Card title={<CardTitle>{t('dossier.history.title')}</CardTitle>}>
        <div className="cqs-portal-history">
          <HistoryTimeline history={d.history} />
        </div>
      </Card>
    </Flex>
  );
}
