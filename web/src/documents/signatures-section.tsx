import { useState } from 'react';
import { Alert, Button, Flex, List, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { verifyPdfAt, type DocumentDetail } from '../api/documents';
import type { SignatureReport } from '../api/signing';
import { ProblemAlert } from '../components/problem-alert';
import { formatDateTime } from '../format/date';
import { SignatureReportList } from '../signing/signature-report-list';

/** Who signed (signer, then the organisation's seal) and, on request, the verification of the main PDF's signatures. */
export function SignaturesSection({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const [reports, setReports] = useState<SignatureReport[] | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    if (!document.mainFile) return;
    setBusy(true);
    setProblem(null);
    try {
      setReports(await verifyPdfAt(document.mainFile.url));
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={12}>
      {document.signatures.length === 0 ? (
        // A copy received from another unit carries its signatures inside the PDF only: the check reads them there.
        <Typography.Paragraph>{t(document.direction === 'incoming' && document.mainFile ? 'documents.detail.signaturesInFile' : 'documents.detail.noSignatures')}</Typography.Paragraph>
      ) : (
        <List
          size="small"
          dataSource={document.signatures}
          renderItem={(signature) => (
            <List.Item>
              <Typography.Text strong>{t(`documents.detail.signatureKind.${signature.kind}`, { defaultValue: signature.kind })}</Typography.Text>
              <Typography.Text>{[signature.signerName, signature.organisation].filter(Boolean).join(' — ')}</Typography.Text>
              <Typography.Text type="secondary">{formatDateTime(signature.signedAt)}</Typography.Text>
            </List.Item>
          )}
        />
      )}
      {document.mainFile && (
        <div>
          <Button icon={<SafetyCertificateOutlined aria-hidden="true" />} loading={busy} onClick={() => void verify()}>
            {t('documents.detail.verify')}
          </Button>
        </div>
      )}
      <ProblemAlert error={problem} />
      {reports && (
        <section aria-label={t('documents.detail.verifyResult')}>
          {reports.length === 0 ? (
            <Alert type="warning" showIcon message={t('documents.detail.verifyNone')} />
          ) : (
            <SignatureReportList signatures={reports} headingLevel={3} />
          )}
        </section>
      )}
    </Flex>
  );
}
