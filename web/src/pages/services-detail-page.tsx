import type { ReactNode } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Result, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { fetchProcedure } from '../api/procedures';
import { ErrorPage } from '../components/error-page';
import { LinkButton } from '../components/link-button';
import { PageSpinner } from '../components/page-spinner';
import { usePageTitle } from '../components/use-page-title';
import { formatDate } from '../format/date';
import { FeeReductionsList, FeesTable } from '../procedures/fees-table';
import { formatDuration } from '../procedures/format';
import { OnlineLevelTag } from '../procedures/online-level-tag';
import { RequirementsTable } from '../procedures/requirements-table';
import '../procedures/procedures.css';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="cqs-procedure-section">
      <Typography.Title id={id} level={2}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

function ProcedureNotFound({ code }: { code: string }) {
  const { t } = useTranslation();
  usePageTitle(t('procedures.notFoundTitle'));
  return (
    <Result
      status="404"
      title={<h1 className="cqs-result-title">{t('procedures.notFoundTitle')}</h1>}
      subTitle={t('procedures.notFoundText', { code })}
      extra={
        <LinkButton type="primary" to="/services">
          {t('procedures.backToList')}
        </LinkButton>
      }
    />
  );
}

/** One procedure as the citizen needs it before filing: documents, time, fees, legal basis. */
export function ServicesDetailPage() {
  const { t } = useTranslation();
  const code = useParams().code ?? '';
  const procedure = useQuery({ queryKey: ['procedure', code], queryFn: () => fetchProcedure(code) });
  usePageTitle(procedure.data?.name ?? t('procedures.title'));

  if (procedure.isPending) return <PageSpinner />;
  // A malformed code is refused by the server's schema (400): for the visitor it is just as unknown.
  if (procedure.error instanceof ApiError && (procedure.error.status === 404 || procedure.error.status === 400)) {
    return (
      <div className="cqs-container cqs-page">
        <ProcedureNotFound code={code} />
      </div>
    );
  }
  if (procedure.isError) {
    return (
      <div className="cqs-container cqs-page">
        <ErrorPage error={procedure.error} />
      </div>
    );
  }
  const p = procedure.data;
  return (
    <div className="cqs-container cqs-page">
      <LinkButton type="link" to="/services" icon={<ArrowLeftOutlined aria-hidden="true" />} style={{ paddingLeft: 0 }}>
        {t('procedures.backToList')}
      </LinkButton>
      <Typography.Title level={1}>{p.name}</Typography.Title>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <OnlineLevelTag level={p.onlineLevel} />
        <Tag bordered={false}>{p.field}</Tag>
      </Flex>
      {p.status === 'retired' && <Alert type="warning" showIcon message={t('procedures.retired')} style={{ marginBottom: 16 }} />}

      <Card className="cqs-procedure-apply">
        <Space direction="vertical">
          {/* Online filing only for a procedure in force that is offered online (Decree 42/2022 levels). */}
          {p.status !== 'retired' && p.onlineLevel !== 'none' ? (
            <LinkButton type="primary" size="large" to={`/services/${encodeURIComponent(p.code)}/file`} aria-describedby="procedure-submit-note">
              {t('procedures.submit')}
            </LinkButton>
          ) : (
            <Button type="primary" size="large" disabled aria-describedby="procedure-submit-note">
              {t('procedures.submit')}
            </Button>
          )}
          <Typography.Text id="procedure-submit-note">
            {p.status !== 'retired' && p.onlineLevel !== 'none' ? t('citizen.filing.signInNote') : t('citizen.filing.notOnlineNote')}
          </Typography.Text>
        </Space>
      </Card>

      <Section id="procedure-overview" title={t('procedures.overview')}>
        <Descriptions bordered column={1} size="middle" labelStyle={{ width: 260 }}>
          <Descriptions.Item label={t('procedures.code')}>{p.code}</Descriptions.Item>
          <Descriptions.Item label={t('procedures.field')}>{p.field}</Descriptions.Item>
          <Descriptions.Item label={t('procedures.level')}>{t(`procedures.levels.${p.level}`)}</Descriptions.Item>
          <Descriptions.Item label={t('procedures.competentUnits')}>
            <Flex wrap gap={4}>
              {p.competentUnits.map((unit) => (
                <Tag key={unit.code} bordered={false} title={unit.code}>
                  {unit.name ?? unit.code}
                </Tag>
              ))}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('procedures.onlineLevel')}>{t(`procedures.onlineLevels.${p.onlineLevel}`)}</Descriptions.Item>
          <Descriptions.Item label={t('procedures.processingTime')}>{formatDuration(t, p.processingTime)}</Descriptions.Item>
          <Descriptions.Item label={t('procedures.result')}>
            {p.result.name} ({t(`procedures.resultTypes.${p.result.type}`)})
          </Descriptions.Item>
          <Descriptions.Item label={t('procedures.version')}>
            {t('procedures.versionOf', { version: p.version, date: formatDate(p.versionCreatedAt) })}
          </Descriptions.Item>
        </Descriptions>
      </Section>

      <Section id="procedure-requirements" title={t('procedures.requirements')}>
        <RequirementsTable requirements={p.requirements} />
      </Section>

      <Section id="procedure-fees" title={t('procedures.fees')}>
        <FeesTable fees={p.fees} formSchema={p.form?.schema} />
        <FeeReductionsList reductions={p.feeReductions ?? []} formSchema={p.form?.schema} />
      </Section>

      <Section id="procedure-legal-basis" title={t('procedures.legalBasis')}>
        <ol className="cqs-legal-basis">
          {p.legalBasis.map((basis) => (
            <li key={basis}>{basis}</li>
          ))}
        </ol>
      </Section>
    </div>
  );
}
