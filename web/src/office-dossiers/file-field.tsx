import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { uploadFile, type UploadedFile } from '../api/dossiers';
import '../dossiers/dossiers.css';

interface Props {
  id?: string;
  value?: UploadedFile | null;
  onChange?: (file: UploadedFile | null) => void;
  'aria-describedby'?: string;
}

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/**
 * A native file input (labelled by its form item, reachable by keyboard and screen readers) that uploads the
 * chosen file at once through `POST /api/files` and holds the stored file as the field's value.
 */
export function FileField({ id, value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      onChange?.(await uploadFile(file));
    } catch (error) {
      onChange?.(null);
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  if (value) {
    return (
      <Flex gap={8} align="center" wrap>
        <Typography.Text>{t('officeDossiers.counter.scanned', { name: value.name })}</Typography.Text>
        <Button size="small" icon={<DeleteOutlined aria-hidden="true" />} onClick={() => onChange?.(null)} aria-label={t('officeDossiers.counter.removeScan', { name: value.name })} />
      </Flex>
    );
  }
  return (
    <Flex vertical gap={4}>
      {/* The native input keeps the keyboard and the field's label; the browser's own button text would follow the
          browser's language, so a Vietnamese one is drawn over it (the second label adds "Chọn tệp" to its name). */}
      <Flex gap={8} align="center">
        <input
          id={id}
          className="cqs-file-input"
          type="file"
          accept={ACCEPT}
          disabled={busy}
          onChange={(event) => void choose(event.target.files?.[0])}
          aria-describedby={rest['aria-describedby']}
        />
        <label htmlFor={id} className="cqs-file-button">
          <UploadOutlined aria-hidden="true" /> {t('officeDossiers.action.upload')}
        </label>
        <Typography.Text type="secondary">{t('officeDossiers.action.noFile')}</Typography.Text>
      </Flex>
      {busy && <Typography.Text type="secondary">{t('officeDossiers.action.uploading')}</Typography.Text>}
      {problem && (
        <Typography.Text type="danger" role="alert">
          {problem}
        </Typography.Text>
      )}
    </Flex>
  );
}
