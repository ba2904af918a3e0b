import { useEffect, useState } from 'react';
import { DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { actOnDossier, newIdempotencyKey, type ActionInput, type DossierAction, type DossierDetail, type UploadedFile } from '../api/dossiers';
import { FormModal } from '../components/form-modal';
import { FileField } from './file-field';
import { ListField } from './list-field';
import { targetSteps, type ProcedureVersion } from './procedure-version';
import '../dossiers/dossiers.css';

interface Values {
  note?: string;
  reasons?: string[];
  items?: string[];
  toStep?: string;
  result?: UploadedFile | null;
  reason?: string;
  newDueAt?: Dayjs;
  scans?: Record<string, UploadedFile | null | undefined>;
}

interface Props {
  dossier: DossierDetail;
  procedure: ProcedureVersion | undefined;
  action: DossierAction | null;
  onClose: () => void;
  onDone: (dossier: DossierDetail, action: DossierAction) => void;
  /** A refusal that is not about the values (409: the dossier moved on): the page shows it and reloads. */
  onConflict: (error: ApiError) => void;
}

const REASON_ACTIONS = new Set<DossierAction>(['refuse_intake', 'refuse', 'stop']);
const STEP_ACTIONS = new Set<DossierAction>(['forward', 'return', 'request_supplement', 'approve', 'refuse']);

/** The confirmation of one action with the fields it needs (dossier-api.md "Acting"). */
export function ActionModal({ dossier, procedure, action, onClose, onDone, onConflict }: Props) {
  const { t } = useTranslation();
  // One key per user intent: a retry after a lost answer replays instead of acting twice; new values, new key.
  const [key, setKey] = useState(newIdempotencyKey);
  useEffect(() => setKey(newIdempotencyKey()), [action]);
  if (!action) return null;
  const actionName = t(`dossier.action.${action}`);
  const targets = STEP_ACTIONS.has(action) ? targetSteps(procedure, dossier.currentStep?.code, action) : [];
  const resultRequired = action === 'approve' && procedure !== undefined && procedure.result.type !== 'paper';
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];

  const submit = async (values: Values) => {
    const input: ActionInput = { action, note: values.note?.trim() || undefined };
    if (REASON_ACTIONS.has(action)) input.reasons = (values.reasons ?? []).map((line) => line.trim()).filter(Boolean);
    if (action === 'request_supplement') input.items = (values.items ?? []).map((line) => line.trim()).filter(Boolean);
    if (targets.length > 1) input.toStep = values.toStep;
    if (action === 'approve' && values.result) input.resultFileId = values.result.id;
    if (action === 'supplement') {
      // The desk records what the applicant brought in person (no account to supplement online), scanned per requirement.
      input.attachments = Object.entries(values.scans ?? {})
        .filter((entry): entry is [string, UploadedFile] => !!entry[1])
        .map(([requirement, file]) => ({ requirement, fileId: file.id }));
    }
    if (action === 'apologise') {
      input.reason = values.reason?.trim();
      input.newDueAt = values.newDueAt?.toISOString();
    }
    try {
      onDone(await actOnDossier(dossier.code, input, key), action);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        onConflict(error);
        return;
      }
      if (error instanceof ApiError && error.status !== 0) setKey(newIdempotencyKey());
      throw error;
    }
  };

  return (
    <FormModal<Values>
      name={`dossier-action-${action}`}
      open
      title={t('officeDossiers.action.title', { action: actionName, code: dossier.code })}
      okText={actionName}
      initialValues={{
        reasons: [''],
        items: [''],
        toStep: targets[0]?.code,
        newDueAt: dossier.proposedDueAt ? dayjs(dossier.proposedDueAt) : undefined,
      }}
      onCancel={onClose}
      onSubmit={submit}
      width={600}
    >
      <Typography.Paragraph>{t('officeDossiers.action.confirmText', { action: actionName })}</Typography.Paragraph>
      {REASON_ACTIONS.has(action) && (
        <ListField
          name="reasons"
          legend={t('officeDossiers.action.reasons')}
          lineLabel={(index) => t('officeDossiers.action.reason', { index })}
          addText={t('officeDossiers.action.addReason')}
        />
      )}
      {action === 'request_supplement' && (
        <ListField
          name="items"
          legend={t('officeDossiers.action.items')}
          lineLabel={(index) => t('officeDossiers.action.item', { index })}
          addText={t('officeDossiers.action.addItem')}
        />
      )}
      {targets.length > 1 && (
        <Form.Item label={t('officeDossiers.action.toStep')} name="toStep" rules={required(t('officeDossiers.action.toStep'))}>
          <Select options={targets.map((step) => ({ value: step.code, label: step.name }))} />
        </Form.Item>
      )}
      {action === 'approve' && (
        <Form.Item
          label={t('officeDossiers.action.resultFile')}
          name="result"
          extra={t('officeDossiers.action.resultFileHelp')}
          rules={resultRequired ? required(t('officeDossiers.action.resultFile')) : []}
        >
          <FileField />
        </Form.Item>
      )}
      {action === 'supplement' && procedure && (
        <fieldset className="cqs-list-field">
          <legend>{t('officeDossiers.counter.documents')}</legend>
          <Typography.Paragraph type="secondary">{t('officeDossiers.counter.documentsHelp')}</Typography.Paragraph>
          {procedure.requirements.map((requirement) => (
            <Form.Item key={requirement.code} label={requirement.name} name={['scans', requirement.code]}>
              <FileField />
            </Form.Item>
          ))}
        </fieldset>
      )}
      {action === 'apologise' && (
        <>
          <Form.Item label={t('officeDossiers.action.apologyReason')} name="reason" rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('officeDossiers.action.apologyReason') }) }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item
            label={t('officeDossiers.action.newDueAt')}
            name="newDueAt"
            extra={dossier.proposedDueAt ? t('officeDossiers.action.proposedHint') : undefined}
            rules={required(t('officeDossiers.action.newDueAt'))}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
      <Form.Item label={t('officeDossiers.action.note')} name="note">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
