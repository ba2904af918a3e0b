import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '../api/dossiers';

/** The applicant as filed (reading it is audited by the server: Decree 13/2023 on personal data). */
export function ApplicantView({ applicant }: { applicant: DossierDetail['applicant'] }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'fullName', label: t('officeDossiers.detail.fullName'), children: applicant.fullName },
        { key: 'identityNumber', label: t('officeDossiers.detail.identityNumber'), children: applicant.identityNumber ?? none },
        { key: 'phone', label: t('officeDossiers.detail.phone'), children: applicant.phone ?? none },
        { key: 'email', label: t('officeDossiers.detail.email'), children: applicant.email ?? none },
        { key: 'address', label: t('officeDossiers.detail.address'), children: applicant.address ?? none, span: 2 },
      ]}
    />
  );
}
