import { useRef, useState, type KeyboardEvent } from 'react';
import { Button, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { uploadSessionCredential, type SessionCredential } from '../api/signing';
import { ProblemAlert } from '../components/problem-alert';
import { LocalFileField } from './local-file-field';

/**
 * A .p12 and its passphrase for this session only (POST /api/signing/session-credential). It sits inside the
 * sign dialog's form, so Enter in the passphrase uploads instead of signing.
 */
export function SessionCredentialUpload({ onUploaded }: { onUploaded: (credential: SessionCredential) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);

  const upload = async () => {
    if (sending.current) return;
    if (!file) return setProblem(new Error(t('signing.dialog.fileRequired')));
    if (!passphrase) return setProblem(new Error(t('signing.dialog.passphraseRequired')));
    sending.current = true;
    setBusy(true);
    try {
      const credential = await uploadSessionCredential(file, passphrase);
      setProblem(null);
      setFile(null);
      setPassphrase('');
      onUploaded(credential);
    } catch (error) {
      setProblem(error);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void upload();
  };

  return (
    <section className="cqs-sign-upload" aria-labelledby="sign-session-title">
      <Typography.Text strong id="sign-session-title">
        {t('signing.dialog.uploadTitle')}
      </Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('signing.dialog.uploadHint')}
      </Typography.Paragraph>
      <ProblemAlert error={problem} />
      <Space wrap align="end">
        <div>
          <label className="cqs-field-label" htmlFor="sign-session-file">
            {t('signing.dialog.file')}
          </label>
          <LocalFileField id="sign-session-file" value={file} onChange={setFile} accept=".p12,.pfx,application/x-pkcs12" />
        </div>
        <div>
          <label className="cqs-field-label" htmlFor="sign-session-passphrase">
            {t('signing.dialog.passphrase')}
          </label>
          <Input.Password
            id="sign-session-passphrase"
            value={passphrase}
            autoComplete="off"
            onChange={(event) => setPassphrase(event.target.value)}
            onKeyDown={onEnter}
            style={{ width: 220 }}
          />
        </div>
        <Button onClick={() => void upload()} loading={busy}>
          {t('signing.dialog.upload')}
        </Button>
      </Space>
    </section>
  );
}
