import { Alert, Card, Descriptions, Result, Timeline, Typography } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { TrackingAnswer } from '../api/dossiers';
import { useMe } from '../auth/session';
import { LinkButton } from '../components/link-button';
import { PageSpinner } from '../components/page-spinner';
import { ProblemAlert } from '../components/problem-alert';
import { StatusTag } from '../dossiers';
import { formatDate, formatDateTime } from '../format/date';

interface Props {
  query: UseQueryResult<TrackingAnswer>;
  identityNumber: string | undefined;
}

/** What the public may know of a dossier: status, dates, current step, timeline; the name only to its applicant. */
export function TrackingResult({ query, identityNumber }: Props) {
  const { t } = useTranslation();
  const me = useMe().data;
  if (query.isPending) return <PageSpinner />;
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) {
    return (
      <Result
        status="warning"
        title={<h2 className="cqs-result-title">{t('citizen.tracking.notFoundTitle')}</h2>}
        subTitle={t('citizen.tracking.notFoundText')}
      />
    );
  }
  if (query.isError) return <ProblemAlert error={query.error} />;
  const d = query.data;
  const statusName = (status: string) => t(`dossier.status.${status}`, { defaultValue: status });
  return (
    <Card title={<h2 className="cqs-card-title">{t('citizen.tracking.resultTitle', { code: d.code })}</h2>}>
      {identityNumber && !d.verified && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('citizen.tracking.notVerified')} />
      )}
      <Descriptions bordered column={1} size="middle" labelStyle={{ width: 220 }}>
        <Descriptions.Item label={t('dossier.field.code')}>{d.code}</Descriptions.Item>
        {d.verified && d.applicant && (
          <Descriptions.Item label={t('citizen.tracking.applicant')}>
            <span data-testid="tracking-applicant">{d.applicant.fullName}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('dossier.field.procedure')}>{d.procedureName}</Descriptions.Item>
        <Descriptions.Item label={t('dossier.field.unit')}>{d.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('dossier.field.status')}>
          <StatusTag status={d.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('dossier.field.currentStep')}>{d.currentStepName ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('dossier.field.submittedAt')}>{formatDateTime(d.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('dossier.field.receivedAt')}>{formatDateTime(d.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('dossier.field.dueAt')}>{formatDate(d.dueAt)}</Descriptions.Item>
        <Descriptions.Item label={t('dossier.field.finishedAt')}>{formatDateTime(d.finishedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('citizen.tracking.returnedAt')}>{formatDateTime(d.returnedAt)}</Descriptions.Item>
        {d.rating && (
          <Descriptions.Item label={t('citizen.rating.title')}>{t('citizen.rating.given', { score: d.rating.score })}</Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={3} style={{ marginTop: 24, fontSize: 16 }}>
        {t('citizen.tracking.timeline')}
      </Typography.Title>
      <Timeline
        items={d.timeline.map((entry, index) => ({
          key: index,
          children: (
            <>
              <Typography.Text strong>{statusName(entry.status)}</Typography.Text>{' '}
              <Typography.Text type="secondary">{formatDateTime(entry.at)}</Typography.Text>
            </>
          ),
        }))}
      />
      {d.canRate && (
        <Alert
          type="success"
          showIcon
          message={t('citizen.tracking.canRate')}
          action={
            <LinkButton to={me ? `/portal/dossiers/${encodeURIComponent(d.code)}` : `/login?next=${encodeURIComponent(`/portal/dossiers/${d.code}`)}`}>
              {t('citizen.rating.title')}
            </LinkButton>
          }
        />
      )}
    </Card>
  );
}
