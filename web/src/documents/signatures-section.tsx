import { useState } from 'react';
import { Alert, Button, Descriptions, Flex, List, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { verifyPdfAt, type DocumentDetail, type VerifiedSignature } from '../api/documents';
import { ProblemAlert } from '../components/problem-alert';
import { formatDateTime } from '../format/date';

function Verdict({ ok, yes, no }: { ok: boolean; yes: string; no: string }) {
  // The words carry the meaning; the colour and icon only repeat it (WCAG 1.4.1).
  return ok ? (
    <Tag color="green" bordered={false} icon={<CheckCircleOutlined aria-hidden="true" />}>
      {yes}
    </Tag>
  ) : (
    <Tag color="red" bordered={false} icon={<CloseCircleOutlined aria-hidden="true" />}>
      {no}
    </Tag>
  );
}

function Report({ signature, index }: { signature: VerifiedSignature; index: number }) {
  const { t } = useTranslation();
  const v = (key: string) => t(`documents.verdict.${key}`);
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      data-testid={`signature-report-${index}`}
      title={`${index + 1}. ${signature.signerName}`}
      items={[
        { key: 'signer', label: v('signer'), children: signature.signerName },
        { key: 'organisation', label: v('organisation'), children: signature.organisation ?? t('common.none') },
        { key: 'signedAt', label: v('signedAt'), children: formatDateTime(signature.signedAt) },
        { key: 'intact', label: v('intact'), children: <Verdict ok={signature.intact} yes={v('intactYes')} no={v('intactNo')} /> },
        { key: 'trusted', label: v('trusted'), children: <Verdict ok={signature.trusted} yes={v('trustedYes')} no={v('trustedNo')} /> },
        { key: 'valid', label: v('valid'), children: <Verdict ok={signature.certificateValid} yes={v('validYes')} no={v('validNo')} /> },
        ...(signature.problems.length > 0
          ? [{ key: 'problems', label: '⚠', children: <ul style={{ margin: 0, paddingLeft: 20 }}>{signature.problems.map((problem) => <li key={problem}>{problem}</li>)}</ul> }]
          : []),
      ]}
    />
  );
}

/** Who signed (signer, then the organisation's seal) and, on request, the verification of the main PDF's signatures. */
export function SignaturesSection({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const [reports, setReports] = useState<VerifiedSignature[] | null>(null);
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
        <Typography.Paragraph>{t('documents.detail.noSignatures')}</Typography.Paragraph>
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
            <Flex vertical gap={12}>
              {reports.map((signature, index) => (
                <Report key={index} signature={signature} index={index} />
              ))}
            </Flex>
          )}
        </section>
      )}
    </Flex>
  );
}
