import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Flex, Select, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { fileDossierOnce, newIdempotencyKey, type DataStore, type DossierDetail } from '../api/dossiers';
import { createDraft, updateDraft, type Draft, type DraftInput, type FilingProcedure } from '../api/filing';
import { ProblemAlert } from '../components/problem-alert';
import { SchemaForm, type FormData } from '../components/schema-form';
import { FeeQuoteCard } from './fee-quote-card';
import { FilingDone } from './filing-done';
import { filingProblemsOf, NO_PROBLEMS, withoutChangedFields, withoutRequirement, type FilingProblems } from './problems';
import { RequirementFiles, type ChosenFiles } from './requirement-files';
import './portal.css';

interface Props {
  procedure: FilingProcedure;
  dataStore: DataStore | undefined;
  draft: Draft | undefined;
}

/** The chosen files of a resumed draft; their names come from the data store when it knows them. */
function filesOfDraft(draft: Draft | undefined, documents: DataStore['documents'], fallbackName: string): ChosenFiles {
  const files: ChosenFiles = {};
  for (const attachment of draft?.attachments ?? []) {
    const known = documents.find((document) => document.fileId === attachment.fileId);
    files[attachment.requirement] = { fileId: attachment.fileId, name: known?.name ?? fallbackName, source: known ? 'data_store' : 'upload' };
  }
  return files;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Card title={<h2 id={id} className="cqs-card-title">{title}</h2>}>{children}</Card>
    </section>
  );
}

/** The filing itself: competent unit, application form, documents; save as draft or file once. */
export function FilingForm({ procedure, dataStore, draft }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [, setSearch] = useSearchParams();
  const documents = dataStore?.documents ?? [];
  const [formData, setFormData] = useState<FormData>(() => ({ ...(dataStore?.prefill ?? {}), ...(draft?.form ?? {}) }));
  const [files, setFiles] = useState<ChosenFiles>(() => filesOfDraft(draft, documents, t('citizen.filing.savedFile')));
  const units = procedure.competentUnits;
  const [unitCode, setUnitCode] = useState<string | undefined>(units.length === 1 ? units[0]!.code : undefined);
  const [draftId, setDraftId] = useState<number | undefined>(draft?.id);
  const [problems, setProblems] = useState<FilingProblems>(NO_PROBLEMS);
  // One key per page visit (dossier-api.md): a double click or a retry after a lost answer replays, never files twice.
  const [submitKey, setSubmitKey] = useState(newIdempotencyKey);
  const [done, setDone] = useState<DossierDetail | null>(null);

  const attachments = procedure.requirements.flatMap((requirement) => {
    const file = files[requirement.code];
    return file ? [{ requirement: requirement.code, fileId: file.fileId }] : [];
  });
  const draftInput = (): DraftInput => ({ procedureCode: procedure.code, form: formData, attachments });

  const saveDraft = useMutation({
    mutationFn: () => (draftId ? updateDraft(draftId, draftInput()) : createDraft(draftInput())),
    onSuccess: (saved) => {
      // Seed the cache so the address change below (resume link) does not reload the page's data.
      queryClient.setQueryData(['dossier-draft', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['dossier-drafts'] });
      setDraftId(saved.id);
      setSearch({ draft: String(saved.id) }, { replace: true });
      void message.success(t('citizen.filing.draftSaved'));
    },
  });

  const submit = useMutation({
    mutationFn: () =>
      fileDossierOnce({ procedureCode: procedure.code, channel: 'online', unitCode, form: formData, attachments, draftId }, submitKey),
    onMutate: () => setProblems(NO_PROBLEMS),
    onSuccess: (dossier) => {
      setDone(dossier);
      void queryClient.invalidateQueries({ queryKey: ['dossiers'] });
      void queryClient.invalidateQueries({ queryKey: ['dossier-drafts'] });
      window.scrollTo({ top: 0 });
    },
    onError: (error) => {
      setProblems(filingProblemsOf(error, procedure.requirements, (index) => attachments[index]?.requirement));
      // A 4xx refusal filed nothing: the corrected filing is a new intent and needs its own key.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) setSubmitKey(newIdempotencyKey());
    },
  });

  if (done) return <FilingDone dossier={done} />;

  const busy = submit.isPending || saveDraft.isPending;
  const commune = procedure.level === 'commune';
  return (
    <Flex vertical gap={24}>
      {draftId && <Alert type="info" showIcon message={t('citizen.filing.resumingDraft')} />}
      {units.length > 1 && (
        <Section id="filing-unit" title={commune ? t('citizen.filing.communeTitle') : t('citizen.filing.unitTitle')}>
          <Flex vertical gap={4}>
            <label htmlFor="filing-unit-select" className="cqs-required-label">
              {commune ? t('citizen.filing.commune') : t('citizen.filing.unit')}
            </label>
            <Select<string>
              id="filing-unit-select"
              showSearch
              optionFilterProp="label"
              style={{ maxWidth: 480 }}
              value={unitCode}
              onChange={setUnitCode}
              placeholder={commune ? t('citizen.filing.communePlaceholder') : t('citizen.filing.unitPlaceholder')}
              options={units.map((unit) => ({ value: unit.code, label: unit.name ?? unit.code }))}
              status={problems.unit.length > 0 ? 'error' : undefined}
            />
            {problems.unit.map((text) => (
              <Typography.Text key={text} type="danger" role="alert">
                {text}
              </Typography.Text>
            ))}
          </Flex>
        </Section>
      )}

      <Section id="filing-form" title={t('citizen.filing.formTitle')}>
        <SchemaForm
          schema={procedure.form.schema}
          uiSchema={procedure.form.uiSchema}
          formData={formData}
          onChange={(next) => {
            setProblems((current) => withoutChangedFields(current, formData, next));
            setFormData(next);
          }}
          extraErrors={problems.form}
          disabled={busy}
          idPrefix="filing"
          submitText={false}
        />
      </Section>

      <Section id="filing-documents" title={t('procedures.requirements')}>
        {problems.attachments.general.length > 0 && (
          <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={problems.attachments.general.join(' ')} />
        )}
        <RequirementFiles
          requirements={procedure.requirements}
          files={files}
          onChange={(requirement, file) => {
                setFiles((current) => ({ ...current, [requirement]: file }));
                if (file) setProblems((current) => withoutRequirement(current, requirement));
              }}
          documents={documents}
          errors={problems.attachments.byRequirement}
          disabled={busy}
        />
      </Section>

      <FeeQuoteCard
        procedureCode={procedure.code}
        form={formData}
        formSchema={procedure.form.schema}
        quantityFields={new Map(procedure.fees.map((fee) => [fee.code, fee.quantityField]))}
      />

      <Card>
        <ProblemAlert error={submit.error ?? saveDraft.error} />
        {problems.other.length > 0 && (
          <ul role="alert">
            {problems.other.map((problem) => (
              <li key={problem.path + problem.message}>{problem.message}</li>
            ))}
          </ul>
        )}
        <Flex wrap gap={12} align="center">
          <Button type="primary" size="large" loading={submit.isPending} disabled={busy} onClick={() => submit.mutate()}>
            {t('citizen.filing.submit')}
          </Button>
          <Button size="large" loading={saveDraft.isPending} disabled={busy} onClick={() => saveDraft.mutate()}>
            {t('citizen.filing.saveDraft')}
          </Button>
          <Typography.Text>{t('citizen.filing.submitHint')}</Typography.Text>
        </Flex>
      </Card>
    </Flex>
  );
}
