import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SignatureReport } from '../api/signing';
import { formatDateTime } from '../format/date';
import { validityRange } from './certificate-validity';
import './signing.css';

interface Props {
  signatures: SignatureReport[];
  /** Level of each signature's heading, under the page's own headings (WCAG 1.3.1). */
  headingLevel?: 2 | 3 | 4;
}

/**
 * What each signature of a PDF proves, in the order they were applied: who signed and when, then three
 * verdicts — content unchanged since signing, certificate chains to the trust list, certificate valid at
 * signing time (issue 4 "Verify") — with the problems the server found and the certificate's details.
 */
export function SignatureReportList({ signatures, headingLevel = 2 }: Props) {
  return (
    <Flex vertical gap={16} className="cqs-signature-reports">
      {signatures.map((report, index) => (
        <SignatureReportCard key={index} report={report} n={index + 1} headingLevel={headingLevel} />
      ))}
    </Flex>
  );
}

function SignatureReportCard({ report, n, headingLevel }: { report: SignatureReport; n: number; headingLevel: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const ok = report.intact && report.trusted && report.certificateValid;
  const Heading = `h${headingLevel}` as const;
  const certificate = report.certificate;
  return (
    <Card
      className="cqs-signature-report"
      data-testid="signature-report"
      title={
        <Heading className="cqs-card-title">
          {t('signing.report.signature', { n })}: {report.signerName ?? t('common.none')}
        </Heading>
      }
      extra={<Tag color={ok ? 'green' : 'red'}>{ok ? t('signing.report.ok') : t('signing.report.notOk')}</Tag>}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 3 }} layout="vertical">
        <Descriptions.Item label={t('signing.report.signer')}>{report.signerName ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('signing.report.organisation')}>{report.organisation ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('signing.report.signedAt')}>{formatDateTime(report.signedAt)}</Descriptions.Item>
      </Descriptions>
      <ul className="cqs-verdicts" aria-label={t('signing.report.verdicts')}>
        <Verdict ok={report.intact} yes={t('signing.report.intact')} no={t('signing.report.changed')} />
        <Verdict ok={report.trusted} yes={t('signing.report.trusted')} no={t('signing.report.untrusted')} />
        <Verdict ok={report.certificateValid} yes={t('signing.report.valid')} no={t('signing.report.invalid')} />
      </ul>
      {report.intact && !report.coversWholeDocument && (
        <Typography.Paragraph type="secondary" className="cqs-verdict-note">
          {t('signing.report.laterUpdate')}
        </Typography.Paragraph>
      )}
      {report.problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('signing.report.problems')}
          description={
            <ul className="cqs-signature-problems">
              {report.problems.map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ul>
          }
        />
      )}
      {certificate && (
        <Descriptions
          size="small"
          bordered
          column={1}
          title={<span className="cqs-certificate-title">{t('signing.report.certificate')}</span>}
          className="cqs-certificate"
        >
          <Descriptions.Item label={t('signing.report.subject')}>{certificate.subject}</Descriptions.Item>
          <Descriptions.Item label={t('signing.report.issuer')}>{certificate.issuer}</Descriptions.Item>
          <Descriptions.Item label={t('signing.report.serial')}>
            <code className="cqs-break">{certificate.serial}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t('signing.report.validity')}>
            {t('signing.validity', validityRange(certificate.notBefore, certificate.notAfter))}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

function Verdict({ ok, yes, no }: { ok: boolean; yes: string; no: string }) {
  return (
    <li className={ok ? 'cqs-verdict cqs-verdict-ok' : 'cqs-verdict cqs-verdict-bad'}>
      {ok ? <CheckCircleFilled aria-hidden="true" /> : <CloseCircleFilled aria-hidden="true" />}
      <span>{ok ? yes : no}</span>
    </li>
  );
}
