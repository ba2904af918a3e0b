import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { addTrustAnchor, type TrustAnchor } from '../api/signing';
import { FormModal } from '../components/form-modal';
import { LocalFileField } from './local-file-field';

interface Values {
  label: string;
  file: File | null;
}

/** Thêm chứng thư CA: a PEM or DER certificate and the name the list shows for it. */
export function AddTrustAnchorModal({ open, onClose, onAdded }: { open: boolean; onClose: () => void; onAdded: (anchor: TrustAnchor) => void }) {
  const { t } = useTranslation();
  return (
    <FormModal<Values>
      name="trust-anchor"
      open={open}
      title={t('signing.admin.addAnchor')}
      okText={t('signing.admin.addAnchor')}
      onCancel={onClose}
      onSubmit={async ({ label, file }) => onAdded(await addTrustAnchor(file!, label.trim()))}
    >
      <Form.Item name="label" label={t('signing.admin.label')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('signing.admin.label').toLowerCase() }) }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="file" label={t('signing.admin.anchorFile')} rules={[{ required: true, message: t('signing.admin.fileRequired') }]}>
        <LocalFileField accept=".pem,.cer,.crt,.der,application/x-x509-ca-cert,application/pkix-cert" />
      </Form.Item>
    </FormModal>
  );
}
