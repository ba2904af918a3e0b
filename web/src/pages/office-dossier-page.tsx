import { useState, type ReactNode } from 'react';
import { App, Card, Flex, Result, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { DossierActionError, fetchDossier, storeActedDossier, type DossierAction, type DossierDetail } from '../api/dossiers';
import { ErrorPage } from '../components/error-page';
import { LinkButton } from '../components/link-button';
import { PageSpinner } from '../components/page-spinner';
import { usePageTitle } from '../components/use-page-title';
import { ComponentsTable, HistoryTimeline, StatusTag, TimelinessTag } from '../dossiers';
import { formatDateTime } from '../format/date';
import { ActionBar, type Conflict } from '../office-dossiers/action-bar';
import { ActionModal } from '../office-dossiers/action-modal';
import { ApplicantView } from '../office-dossiers/applicant-view';
import { DossierOverview } from '../office-dossiers/dossier-overview';
import { FormDataView } from '../office-dossiers/form-data-view';
import { PrintForms } from '../office-dossiers/print-forms';
import { useProcedureVersion } from '../office-dossiers/procedure-version';
import { OfficePaymentCard } from '../payments/office-payment-card';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card>
      <section aria-labelledby={id}>
        <Typography.Title id={id} level={2} style={{ fontSize: 20, marginTop: 0 }}>
          {title}
        </Typography.Title>
        {children}
      </section>
    </Card>
  );
}

function DossierNotFound({ code }: { code: string }) {
  const { t } = useTranslation();
  usePageTitle(t('officeDossiers.detail.notFoundTitle'));
  return (
    <Result
      status="404"
      title={<h1 className="cqs-result-title">{t('officeDossiers.detail.notFoundTitle')}</h1>}
      subTitle={t('officeDossiers.detail.notFoundText', { code })}
      extra={
        <LinkButton type="primary" to="/office/dossiers">
          {t('officeDossiers.detail.back')}
        </LinkButton>
      }
    />
  );
}

/** One dossier as the official handles it: state and deadlines, applicant, form, documents, history, slips, actions. */
export function OfficeDossierPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const code = useParams().code ?? '';
  const dossier = useQuery({ queryKey: ['dossier', code], queryFn: () => fetchDossier(code), retry: false });
  const procedure = useProcedureVersion(dossier.data?.procedureCode, dossier.data?.procedureVersion);
  const [action, setAction] = useState<DossierAction | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  usePageTitle(t('officeDossiers.detail.pageTitle', { code }));

  if (dossier.isPending) return <PageSpinner />;
  // A dossier the official may not see answers 404, like one that does not exist; a malformed code is as unknown.
  if (dossier.error instanceof ApiError && (dossier.error.status === 404 || dossier.error.status === 400)) return <DossierNotFound code={code} />;
  if (dossier.isError) return <ErrorPage error={dossier.error} />;
  const d = dossier.data;

  const done = (next: DossierDetail, taken: DossierAction) => {
    void storeActedDossier(client, next);
    setAction(null);
    setConflict(null);
    void message.success(t('officeDossiers.detail.done', { action: t(`dossier.action.${taken}`) }));
  };
  const refused = (error: ApiError) => {
    setAction(null);
    setConflict({ detail: error.detail, allowedActions: error instanceof DossierActionError ? error.allowedActions : undefined });
    void client.invalidateQueries({ queryKey: ['dossier', code] });
    void client.invalidateQueries({ queryKey: ['dossiers'] });
  };

  return (
    <Flex vertical gap={16}>
      <div>
        <LinkButton type="link" icon={<ArrowLeftOutlined aria-hidden="true" />} to="/office/dossiers" style={{ paddingInline: 0 }}>
          {t('officeDossiers.detail.back')}
        </LinkButton>
        <Typography.Title level={1} style={{ marginBottom: 4 }}>
          {t('dossier.field.code')} <code>{d.code}</code>
        </Typography.Title>
        <Space wrap size={8}>
          <StatusTag status={d.status} />
          <TimelinessTag timeliness={d.timeliness} />
          <Typography.Text>
            {t('dossier.field.dueAt')}: {formatDateTime(d.dueAt)}
          </Typography.Text>
          {d.currentStep && (
            <Typography.Text>
              · {d.currentStep.name} ({t('officeDossiers.detail.stepDue')}: {formatDateTime(d.currentStep.dueAt)})
            </Typography.Text>
          )}
        </Space>
      </div>
      <Section id="dossier-actions" title={t('officeDossiers.detail.actions')}>
        <ActionBar dossier={d} conflict={conflict} onPick={setAction} />
      </Section>
      <Section id="dossier-overview" title={t('officeDossiers.detail.overview')}>
        <DossierOverview dossier={d} />
      </Section>
      <OfficePaymentCard dossier={d} />
      <Section id="dossier-applicant" title={t('officeDossiers.detail.applicant')}>
        <ApplicantView applicant={d.applicant} />
      </Section>
      <Section id="dossier-form" title={t('officeDossiers.detail.formData')}>
        <FormDataView data={d.form} schema={procedure.data?.form.schema} uiSchema={procedure.data?.form.uiSchema} />
      </Section>
      <Section id="dossier-components" title={t('dossier.components.title')}>
        <ComponentsTable components={d.components} />
      </Section>
      <Section id="dossier-forms" title={t('officeDossiers.detail.printForms')}>
        <PrintForms dossier={d} />
      </Section>
      <Section id="dossier-history" title={t('dossier.history.title')}>
        <HistoryTimeline history={d.history} />
      </Section>
      <ActionModal dossier={d} procedure={procedure.data} action={action} onClose={() => setAction(null)} onDone={done} onConflict={refused} />
    </Flex>
  );
}
