import { useState } from 'react';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { fetchDataStore, newIdempotencyKey, storeActedDossier, type DossierDetail } from '../api/dossiers';
import { fetchFilingProcedure, supplementDossier } from '../api/filing';
import { PageSpinner } from '../components/page-spinner';
import { ProblemAlert } from '../components/problem-alert';
import { SchemaForm, type FormData } from '../components/schema-form';
import { filingProblemsOf, NO_PROBLEMS, withoutChangedFields, withoutRequirement, type FilingProblems } from './problems';
import { RequirementFiles, type ChosenFiles } from './requirement-files';

/** The items of the latest supplement request (phiếu yêu cầu bổ sung lists every missing item at once). */
function requestedItems(dossier: DossierDetail): string[] {
  const request = [...dossier.history].reverse().find((event) => event.action === 'request_supplement');
  return request?.items ?? [];
}

/**
 * Bổ sung hồ sơ: while the agency waits for the citizen (status 5, the clock paused), the citizen adds documents
 * per requirement and corrects the form, then sends the `supplement` action.
 */
export function SupplementCard({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The version the dossier was filed under: its form and documents are the ones to complete.
  const procedure = useQuery({
    queryKey: ['procedure', dossier.procedureCode, dossier.procedureVersion],
    queryFn: () => fetchFilingProcedure(dossier.procedureCode, dossier.procedureVersion),
  });
  const dataStore = useQuery({ queryKey: ['data-store', dossier.procedureCode], queryFn: () => fetchDataStore(dossier.procedureCode), retry: false });
  const [formData, setFormData] = useState<FormData>(dossier.form);
  const [files, setFiles] = useState<ChosenFiles>({});
  const [problems, setProblems] = useState<FilingProblems>(NO_PROBLEMS);
  const [key, setKey] = useState(newIdempotencyKey);
  const attachments = Object.entries(files).flatMap(([requirement, file]) => (file ? [{ requirement, fileId: file.fileId }] : []));
  const send = useMutation({
    mutationFn: () => supplementDossier(dossier.code, { form: formData, attachments }, key),
    onMutate: () => setProblems(NO_PROBLEMS),
    onSuccess: (updated) => storeActedDossier(queryClient, updated),
    onError: (error) => {
      setProblems(filingProblemsOf(error, procedure.data?.requirements ?? [], (index) => attachments[index]?.requirement));
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) setKey(newIdempotencyKey());
    },
  });
  const items = requestedItems(dossier);
  return (
    <Card title={<h2 className="cqs-card-title">{t('citizen.supplement.title')}</h2>}>
      <Flex vertical gap={16}>
        <Alert
          type="warning"
          showIcon
          message={t('citizen.supplement.intro')}
          description={
            items.length > 0 ? (
              <ul className="cqs-dossier-list" aria-label={t('dossier.history.items')}>
                {items.map((item, index) => (
                  <li key={index}>{item}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
        {procedure.isPending ? (
          <PageSpinner />
        ) : procedure.isError ? (
          <ProblemAlert error={procedure.error} />
        ) : (
          <>
            <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
              {t('citizen.supplement.documents')}
            </Typography.Title>
            {problems.attachments.general.length > 0 && <Alert type="error" showIcon role="alert" message={problems.attachments.general.join(' ')} />}
            <RequirementFiles
              requirements={procedure.data.requirements}
              files={files}
              onChange={(requirement, file) => {
                setFiles((current) => ({ ...current, [requirement]: file }));
                if (file) setProblems((current) => withoutRequirement(current, requirement));
              }}
              documents={dataStore.data?.documents ?? []}
              errors={problems.attachments.byRequirement}
              disabled={send.isPending}
            />
            <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
              {t('citizen.supplement.form')}
            </Typography.Title>
            <SchemaForm
              schema={procedure.data.form.schema}
              uiSchema={procedure.data.form.uiSchema}
              formData={formData}
              onChange={(next) => {
                setProblems((current) => withoutChangedFields(current, formData, next));
                setFormData(next);
              }}
              extraErrors={problems.form}
              disabled={send.isPending}
              idPrefix="supplement"
              submitText={false}
            />
          </>
        )}
        <ProblemAlert error={send.error} />
        <div>
          <Button type="primary" loading={send.isPending} disabled={procedure.isPending} onClick={() => send.mutate()}>
            {t('citizen.supplement.send')}
          </Button>
        </div>
      </Flex>
    </Card>
  );
}
