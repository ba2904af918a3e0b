import { Form, Input, Radio } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { registerCredential, type CredentialOwnerKind, type SigningCredential } from '../api/signing';
import { fetchUnits } from '../api/units';
import { FormModal } from '../components/form-modal';
import { UnitSelect } from '../units/unit-select';
import { LocalFileField } from './local-file-field';
import { SignerSelect } from './signer-select';
import { RADIOGROUP } from './radiogroup';

interface Values {
  ownerKind: CredentialOwnerKind;
  userId?: number;
  unitId?: number | null;
  label: string;
  file: File | null;
  passphrase: string;
}

/** Đăng ký chứng thư số: a .p12 and its passphrase for a signer, or as a unit's seal (used when a document is issued). */
export function RegisterCredentialModal({ open, onClose, onRegistered }: { open: boolean; onClose: () => void; onRegistered: (credential: SigningCredential) => void }) {
  const { t } = useTranslation();
  const units = useQuery({ queryKey: ['units'], queryFn: fetchUnits, enabled: open });
  const required = (field: string) => ({ required: true, message: t('common.required', { field: field.toLowerCase() }) });
  return (
    <FormModal<Values>
      name="credential"
      open={open}
      title={t('signing.admin.addCredential')}
      okText={t('signing.admin.addCredential')}
      width={600}
      initialValues={{ ownerKind: 'user' }}
      onCancel={onClose}
      onSubmit={async (values) =>
        onRegistered(
          await registerCredential({
            ownerKind: values.ownerKind,
            userId: values.ownerKind === 'user' ? values.userId : undefined,
            unitId: values.ownerKind === 'unit_seal' ? (values.unitId ?? undefined) : undefined,
            label: values.label.trim(),
            file: values.file!,
            passphrase: values.passphrase,
          }),
        )
      }
    >
      <Form.Item name="ownerKind" label={t('signing.admin.ownerKind')}>
        <Radio.Group
          {...RADIOGROUP}
          aria-label={t('signing.admin.ownerKind')}
          options={[
            { value: 'user', label: t('signing.admin.ownerUser') },
            { value: 'unit_seal', label: t('signing.admin.ownerSeal') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(before, after) => before.ownerKind !== after.ownerKind}>
        {({ getFieldValue }) =>
          getFieldValue('ownerKind') === 'unit_seal' ? (
            <Form.Item name="unitId" label={t('signing.admin.unit')} rules={[required(t('signing.admin.unit'))]}>
              <UnitSelect units={units.data ?? []} />
            </Form.Item>
          ) : (
            <Form.Item name="userId" label={t('signing.admin.user')} rules={[required(t('signing.admin.user'))]}>
              <SignerSelect />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="label" label={t('signing.admin.label')} rules={[{ ...required(t('signing.admin.label')), whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="file" label={t('signing.admin.credentialFile')} rules={[{ required: true, message: t('signing.admin.fileRequired') }]}>
        <LocalFileField accept=".p12,.pfx,application/x-pkcs12" />
      </Form.Item>
      <Form.Item name="passphrase" label={t('signing.admin.passphrase')} rules={[required(t('signing.admin.passphrase'))]}>
        <Input.Password autoComplete="off" />
      </Form.Item>
    </FormModal>
  );
}
