import { useState } from 'react';
import { Card, Flex, Result, Typography, Upload } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { verifyPdf } from '../api/signing';
import { ProblemAlert } from '../components/problem-alert';
import { usePageTitle } from '../components/use-page-title';
import { SignatureReportList } from '../signing/signature-report-list';
import '../portal/portal.css';

const isPdf = (file: File) => file.type === 'application/pdf' || file.name.toLowerCase().endsWith('.pdf');

/**
 * Kiểm tra chữ ký số (issue 4 "Verify"): anyone, without signing in, drops a PDF and sees each signature's
 * signer, time and verdicts. The file goes to POST /api/signatures/verify and is not kept.
 */
export function SignatureVerifyPage() {
  const { t } = useTranslation();
  usePageTitle(t('signing.verify.title'));
  const [notPdf, setNotPdf] = useState(false);
  const verification = useMutation({ mutationFn: (file: File) => verifyPdf(file) });
  const fileName = verification.variables?.name ?? '';

  const choose = (file: File) => {
    setNotPdf(!isPdf(file));
    if (isPdf(file)) verification.mutate(file);
    else verification.reset();
    return false;
  };

  return (
    <Flex vertical gap={24} className="cqs-container cqs-narrow cqs-page">
      <div>
        <Typography.Title level={1}>{t('signing.verify.title')}</Typography.Title>
        <Typography.Paragraph>{t('signing.verify.intro')}</Typography.Paragraph>
      </div>
      <Upload.Dragger
        className="cqs-verify-drop"
        accept=".pdf,application/pdf"
        multiple={false}
        showUploadList={false}
        beforeUpload={choose}
        disabled={verification.isPending}
      >
        <p className="ant-upload-drag-icon">
          <FilePdfOutlined aria-hidden="true" />
        </p>
        <p className="ant-upload-text">{t('signing.verify.drop')}</p>
        <p className="ant-upload-hint">{t('signing.verify.dropHint')}</p>
      </Upload.Dragger>
      <div aria-live="polite">
        {notPdf && <ProblemAlert error={new Error(t('signing.verify.notPdf'))} />}
        <ProblemAlert error={verification.error} />
        {verification.isPending && <Typography.Paragraph>{t('signing.verify.checking', { name: fileName })}</Typography.Paragraph>}
        {verification.data && (
          <section aria-labelledby="verify-result-title">
            <Typography.Title level={2} id="verify-result-title">
              {t('signing.verify.result', { name: fileName })}
            </Typography.Title>
            {verification.data.signatures.length === 0 ? (
              <Card>
                <Result status="warning" title={t('signing.verify.none')} subTitle={t('signing.verify.noneText', { name: fileName })} />
              </Card>
            ) : (
              <>
                <Typography.Paragraph>{t('signing.verify.count', { count: verification.data.signatures.length })}</Typography.Paragraph>
                <SignatureReportList signatures={verification.data.signatures} headingLevel={3} />
              </>
            )}
          </section>
        )}
      </div>
    </Flex>
  );
}
