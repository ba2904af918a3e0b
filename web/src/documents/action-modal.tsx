import { DatePicker, Form, Input, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../api/client';
import type { DocumentAction, DocumentDetail } from '../api/documents';
import type { UploadedFile } from '../api/dossiers';
import { FormModal } from '../components/form-modal';
import { FormSelect } from '../components/form-select';
import { FileField } from '../office-dossiers/file-field';
import { vietnamToday } from './days';
import { OfficialSelect } from './official-select';

interface Values {
  leadUserId?: number;
  coordinatorUserIds?: number[];
  deadline?: Dayjs;
  instructions?: string;
  note?: string;
  comment?: string;
  reason?: string;
  decision?: string;
  reviewerIds?: number[];
  userId?: number;
  workFileId?: number;
  file?: UploadedFile | null;
  body?: string;
}

interface Props {
  document: DocumentDetail;
  action: DocumentAction | null;
  onClose: () => void;
  /** Sends the action with its payload; resolves once the server accepted it. */
  onAct: (action: DocumentAction, payload: Record<string, unknown>) => Promise<void>;
}

const HELP: Partial<Record<DocumentAction, string>> = {
  register: 'registerHelp',
  issue: 'issueHelp',
  recall: 'recallHelp',
  confirm_destroyed: 'destroyedHelp',
};

/** An open hồ sơ công việc of the document's unit to file into (work files API, issue 4 "Search and files"). */
function WorkFileSelect(props: { id?: string; value?: number; onChange?: (value: number) => void; unitId: number }) {
  const { unitId, ...rest } = props;
  const files = useQuery({
    queryKey: ['work-files', unitId],
    queryFn: () => get<{ items: { id: number; notation: string; title: string; year: number; status: string }[] }>(`/api/work-files?unitId=${unitId}`),
    retry: false,
  });
  const options = (files.data?.items ?? [])
    .filter((file) => file.status === 'open')
    .map((file) => ({ value: file.id, label: `${file.notation} (${file.year}) — ${file.title}` }));
  return <FormSelect<number> {...rest} showSearch optionFilterProp="label" loading={files.isPending} options={options} />;
}

/** The confirmation of one action with the fields it needs (contract "Actions and payloads"). */
export function DocumentActionModal({ document, action, onClose, onAct }: Props) {
  const { t } = useTranslation();
  if (!action || action === 'sign' || action === 'comment') return null;
  const actionName = t(`documents.action.${action}`);
  const label = (key: string) => t(`documents.dialog.${key}`);
  const required = (key: string) => [{ required: true, message: t('common.required', { field: label(key) }) }];
  const requiredText = (key: string) => [{ required: true, whitespace: true, message: t('common.required', { field: label(key) }) }];
  const trimmed = (text: string | undefined) => text?.trim() || undefined;

  const submit = async (values: Values) => {
    const payload: Record<string, unknown> = {};
    switch (action) {
      case 'assign':
        payload.leadUserId = values.leadUserId;
        payload.coordinatorUserIds = (values.coordinatorUserIds ?? []).filter((id) => id !== values.leadUserId);
        payload.deadline = values.deadline?.format('YYYY-MM-DD');
        payload.instructions = trimmed(values.instructions);
        break;
      case 'complete':
        payload.note = trimmed(values.note);
        break;
      case 'file':
        payload.workFileId = values.workFileId;
        break;
      case 'add_version':
        if (values.file) payload.fileId = values.file.id;
        else payload.body = trimmed(values.body);
        payload.note = trimmed(values.note);
        break;
      case 'submit':
        payload.reviewerIds = values.reviewerIds ?? [];
        break;
      case 'review':
      case 'format_check':
        payload.decision = values.decision;
        payload.comment = trimmed(values.comment);
        break;
      case 'return':
        payload.comment = trimmed(values.comment);
        break;
      case 'recall':
        payload.reason = trimmed(values.reason);
        break;
      case 'grant_access':
        payload.userId = values.userId;
        break;
      default:
        break;
    }
    await onAct(action, payload);
  };

  return (
    <FormModal<Values>
      name={`document-action-${action}`}
      open
      title={t('documents.dialog.title', { action: actionName, subject: document.subject })}
      okText={actionName}
      initialValues={{ decision: action === 'review' ? 'approve' : action === 'format_check' ? 'pass' : undefined, coordinatorUserIds: [], reviewerIds: [] }}
      onCancel={onClose}
      onSubmit={submit}
      width={640}
    >
      <Typography.Paragraph>
        {HELP[action] ? label(HELP[action]) : t('documents.dialog.confirmText', { action: actionName.toLocaleLowerCase('vi') })}
      </Typography.Paragraph>
      {action === 'assign' && (
        <>
          <Form.Item label={label('lead')} name="leadUserId" rules={required('lead')}>
            <OfficialSelect />
          </Form.Item>
          <Form.Item label={label('coordinators')} name="coordinatorUserIds">
            <OfficialSelect multiple />
          </Form.Item>
          <Form.Item label={label('deadline')} name="deadline" rules={required('deadline')}>
            {/* A deadline before today is refused by the server; the calendar does not offer it. */}
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} disabledDate={(day) => day.format('YYYY-MM-DD') < vietnamToday()} />
          </Form.Item>
          <Form.Item label={label('instructions')} name="instructions">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      )}
      {action === 'complete' && (
        <Form.Item label={label('note')} name="note">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      )}
      {action === 'file' && (
        <Form.Item label={label('workFile')} name="workFileId" rules={required('workFile')}>
          <WorkFileSelect unitId={document.unitId} />
        </Form.Item>
      )}
      {action === 'add_version' && (
        <>
          <Form.Item label={label('newFile')} name="file">
            <FileField />
          </Form.Item>
          <Form.Item
            label={label('body')}
            name="body"
            dependencies={['file']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  getFieldValue('file') || value?.trim() ? Promise.resolve() : Promise.reject(new Error(label('fileOrBody'))),
              }),
            ]}
          >
            <Input.TextArea rows={8} maxLength={50000} />
          </Form.Item>
          <Form.Item label={label('note')} name="note">
            <Input maxLength={2000} />
          </Form.Item>
        </>
      )}
      {action === 'submit' && (
        <Form.Item label={label('reviewers')} name="reviewerIds" extra={label('reviewersHelp')}>
          <OfficialSelect multiple reviewersOf={document.unitId} />
        </Form.Item>
      )}
      {(action === 'review' || action === 'format_check') && (
        <>
          <Form.Item label={label('decision')} name="decision" rules={required('decision')}>
            <Radio.Group
              options={
                action === 'review'
                  ? [
                      { value: 'approve', label: label('approve') },
                      { value: 'request_changes', label: label('requestChanges') },
                    ]
                  : [
                      { value: 'pass', label: label('pass') },
                      { value: 'return', label: label('returnIt') },
                    ]
              }
            />
          </Form.Item>
          <Form.Item label={label('comment')} name="comment">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      )}
      {action === 'return' && (
        <Form.Item label={label('comment')} name="comment" rules={requiredText('comment')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      )}
      {action === 'recall' && (
        <Form.Item label={label('reason')} name="reason" rules={requiredText('reason')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      )}
      {action === 'grant_access' && (
        <Form.Item label={label('user')} name="userId" rules={required('user')}>
          <OfficialSelect />
        </Form.Item>
      )}
    </FormModal>
  );
}
