import { useRef, useState } from 'react';
import { Alert, Divider, Form, InputNumber, Modal, Radio, Space, Spin, Switch, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchMyCredentials, type MyCredentials, type SessionCredential } from '../api/signing';
import { ProblemAlert } from '../components/problem-alert';
import { FormSelect } from '../components/form-select';
import { showProblemOnForm } from '../components/form-problems';
import { validityAt, validityRange } from './certificate-validity';
import { DEFAULT_SIGNATURE_POSITION, SIGNATURE_POSITIONS, type SignaturePosition } from './signature-positions';
import { SessionCredentialUpload } from './session-credential-upload';
import { RADIOGROUP } from './radiogroup';
import './signing.css';

export type SignChoice = {
  credential: { kind: 'registered'; id: number } | { kind: 'session' };
  visible: { page: number; x: number; y: number } | null;
};

interface Values {
  credential?: string;
  visible: boolean;
  page: number;
  position: SignaturePosition;
}

/** One certificate the signer may pick, registered or the session's, as the dialog lists it. */
interface Option {
  value: string;
  kind: 'registered' | 'session';
  label: string | null;
  subject: string;
  organisation: string | null;
  issuer: string;
  notBefore: string;
  notAfter: string;
  usable: boolean;
}

const SESSION = 'session';

function optionsOf(data: MyCredentials | undefined): Option[] {
  if (!data) return [];
  const all: Omit<Option, 'usable'>[] = [
    ...data.registered.map((c) => ({ value: `registered:${c.id}`, kind: 'registered' as const, label: c.label, subject: c.subjectName, organisation: c.organisation, issuer: c.issuer, notBefore: c.notBefore, notAfter: c.notAfter })),
    ...(data.session ? [{ value: SESSION, kind: 'session' as const, label: null, subject: data.session.subjectName, organisation: data.session.organisation, issuer: data.session.issuer, notBefore: data.session.notBefore, notAfter: data.session.notAfter }] : []),
  ];
  return all.map((option) => ({ ...option, usable: validityAt(option.notBefore, option.notAfter) === 'valid' }));
}

function choiceOf(values: Values): SignChoice {
  const credential: SignChoice['credential'] =
    values.credential === SESSION ? { kind: 'session' } : { kind: 'registered', id: Number(values.credential!.split(':')[1]) };
  const visible = values.visible ? { page: values.page, ...SIGNATURE_POSITIONS[values.position] } : null;
  return { credential, visible };
}

/**
 * Ký số: pick a certificate (registered for me, or a .p12 uploaded for this session), optionally place a visible
 * signature block, then hand the choice to the caller, whose failure (problem+json) is shown in the dialog.
 */
export function SignDialog(props: { open: boolean; title: string; onCancel(): void; onSubmit(choice: SignChoice): Promise<void> }) {
  const { open, title, onCancel, onSubmit } = props;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // One signature per press: a second press or Enter while the first is on its way does nothing.
  const submitting = useRef(false);
  const credentials = useQuery({ queryKey: ['my-credentials'], queryFn: fetchMyCredentials, enabled: open });
  const options = optionsOf(credentials.data);
  const firstUsable = options.find((option) => option.usable)?.value;

  const submit = async (values: Values) => {
    if (submitting.current) return;
    submitting.current = true;
    setBusy(true);
    try {
      await onSubmit(choiceOf(values));
      setProblem(null);
    } catch (error) {
      setProblem(showProblemOnForm(form, error));
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  };

  const sessionLoaded = (credential: SessionCredential) => {
    queryClient.setQueryData<MyCredentials>(['my-credentials'], (old) => ({ registered: old?.registered ?? [], session: credential }));
    void queryClient.invalidateQueries({ queryKey: ['my-credentials'] });
    // Picked at once, and the 'choose a certificate' message asked for before the upload goes away.
    if (validityAt(credential.notBefore, credential.notAfter) === 'valid') form.setFields([{ name: 'credential', value: SESSION, errors: [] }]);
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={t('signing.dialog.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: !credentials.data }}
      onCancel={() => {
        if (busy) return;
        setProblem(null);
        onCancel();
      }}
      confirmLoading={busy}
      destroyOnHidden
      width={640}
    >
      <ProblemAlert error={problem ?? credentials.error} />
      {!credentials.data ? (
        credentials.isLoading && <Spin />
      ) : (
        <Form<Values>
          name="sign"
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ credential: firstUsable, visible: false, page: 1, position: DEFAULT_SIGNATURE_POSITION }}
        >
          {options.length === 0 && <Alert type="info" showIcon message={t('signing.dialog.noCredentials')} style={{ marginBottom: 16 }} />}
          <Form.Item
            name="credential"
            label={t('signing.dialog.credential')}
            rules={[{ required: true, message: t('signing.dialog.credentialRequired') }]}
          >
            <Radio.Group className="cqs-sign-credentials" {...RADIOGROUP} aria-label={t('signing.dialog.credential')}>
              <Space direction="vertical" style={{ width: '100%' }}>
                {options.map((option) => (
                  <Radio key={option.value} value={option.value} disabled={!option.usable}>
                    <CredentialText option={option} />
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          <SessionCredentialUpload onUploaded={sessionLoaded} />
          <Divider />
          <Form.Item name="visible" label={t('signing.dialog.visible')} valuePropName="checked" extra={t('signing.dialog.visibleHint')}>
            <Switch />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(before, after) => before.visible !== after.visible}>
            {({ getFieldValue }) =>
              getFieldValue('visible') && (
                <Space wrap size="large">
                  <Form.Item name="page" label={t('signing.dialog.page')} rules={[{ required: true, message: t('common.required', { field: t('signing.dialog.page').toLowerCase() }) }]}>
                    <InputNumber min={1} precision={0} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name="position" label={t('signing.dialog.position')}>
                    <FormSelect<SignaturePosition>
                      style={{ width: 240 }}
                      options={(Object.keys(SIGNATURE_POSITIONS) as SignaturePosition[]).map((key) => ({ value: key, label: t(`signing.positions.${key}`) }))}
                    />
                  </Form.Item>
                </Space>
              )
            }
          </Form.Item>
          <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
        </Form>
      )}
    </Modal>
  );
}

function CredentialText({ option }: { option: Option }) {
  const { t } = useTranslation();
  const validity = validityAt(option.notBefore, option.notAfter);
  return (
    <span className="cqs-sign-credential">
      <span className="cqs-sign-credential-title">
        <Typography.Text strong>{option.label || option.subject}</Typography.Text>{' '}
        <Tag color={option.kind === 'session' ? 'blue' : 'default'}>
          {option.kind === 'session' ? t('signing.dialog.session') : t('signing.dialog.registered')}
        </Tag>
        {validity !== 'valid' && <Tag color="red">{validity === 'expired' ? t('signing.expired') : t('signing.notYetValid')}</Tag>}
      </span>
      {option.label && <Typography.Text type="secondary">{option.subject}</Typography.Text>}
      <Typography.Text type="secondary">{t('signing.dialog.issuer', { issuer: option.issuer })}</Typography.Text>
      <Typography.Text type="secondary">{t('signing.validity', validityRange(option.notBefore, option.notAfter))}</Typography.Text>
    </span>
  );
}
