import { Button, Flex, Typography } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import '../dossiers/dossiers.css';

interface Props {
  id?: string;
  value?: File | null;
  onChange?: (file: File | null) => void;
  accept: string;
}

/**
 * A file kept in the browser until its form is sent (a certificate or key file goes in the same multipart
 * request as its passphrase, never through /api/files). The native input keeps the form item's label and the
 * keyboard; a Vietnamese button is drawn over the browser's own.
 */
export function LocalFileField({ id, value, onChange, accept }: Props) {
  const { t } = useTranslation();
  if (value) {
    return (
      <Flex gap={8} align="center" wrap>
        <Typography.Text>{value.name}</Typography.Text>
        <Button
          size="small"
          icon={<DeleteOutlined aria-hidden="true" />}
          onClick={() => onChange?.(null)}
          aria-label={t('signing.file.remove', { name: value.name })}
        />
      </Flex>
    );
  }
  return (
    <Flex gap={8} align="center">
      <input
        id={id}
        className="cqs-file-input"
        type="file"
        accept={accept}
        onChange={(event) => onChange?.(event.target.files?.[0] ?? null)}
      />
      <label htmlFor={id} className="cqs-file-button">
        <UploadOutlined aria-hidden="true" /> {t('signing.file.choose')}
      </label>
      <Typography.Text type="secondary">{t('signing.file.none')}</Typography.Text>
    </Flex>
  );
}
