import { Descriptions, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '../api/dossiers';
import { LinkButton } from '../components/link-button';
import { StatusTag } from '../dossiers';
import { formatDateTime } from '../format/date';
import { PayOnlineButton } from '../payments/pay-online-button';

/** What the citizen needs right after filing: the dossier code to quote, its status, and where to follow it. */
export function FilingDone({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      title={<h2 className="cqs-result-title">{t('citizen.filing.doneTitle')}</h2>}
      subTitle={dossier.status === 'fee_due' ? t('payments.card.filedFeeDue') : t('citizen.filing.doneText')}
      extra={[
        // Thanh toán trực tuyến first: a dossier with fees waits in fee_due until they are paid (domain.md §4 status 6).
        dossier.status === 'fee_due' && <PayOnlineButton key="pay" code={dossier.code} />,
        <LinkButton key="mine" type={dossier.status === 'fee_due' ? 'default' : 'primary'} to="/portal/dossiers">
          {t('citizen.dossiers.title')}
        </LinkButton>,
        <LinkButton key="track" to={`/tracking/${encodeURIComponent(dossier.code)}`}>
          {t('citizen.filing.track')}
        </LinkButton>,
        <LinkButton key="detail" to={`/portal/dossiers/${encodeURIComponent(dossier.code)}`}>
          {t('citizen.filing.openDossier')}
        </LinkButton>,
      ]}
    >
      <Descriptions bordered column={1} size="middle" labelStyle={{ width: 220 }}>
        <Descriptions.Item label={t('citizen.dossiers.code')}>
          <strong data-testid="filed-code">{dossier.code}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('citizen.dossiers.status')}>
          <StatusTag status={dossier.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('citizen.dossiers.procedure')}>{dossier.procedureName}</Descriptions.Item>
        <Descriptions.Item label={t('citizen.dossiers.unit')}>{dossier.unit.name}</Descriptions.Item>
        <Descriptions.Item label={t('citizen.dossiers.submittedAt')}>{formatDateTime(dossier.submittedAt)}</Descriptions.Item>
      </Descriptions>
    </Result>
  );
}
