import { Button, Space, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DOSSIER_FORMS, dossierFormUrl, type DossierDetail } from '../api/dossiers';

/** Links to the slips that exist for the dossier (forms 01–05 of Circular 01/2018/TT-VPCP), each a PDF in a new tab. */
export function PrintForms({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const forms = DOSSIER_FORMS.filter((form) => dossier.forms.includes(form));
  if (forms.length === 0) return <Typography.Paragraph>{t('officeDossiers.detail.printFormsEmpty')}</Typography.Paragraph>;
  return (
    <Space wrap>
      {forms.map((form) => (
        <Button
          key={form}
          href={dossierFormUrl(dossier.code, form)}
          target="_blank"
          rel="noopener"
          icon={<FilePdfOutlined aria-hidden="true" />}
          aria-label={t('officeDossiers.detail.openForm', { name: t(`dossier.forms.${form}`) })}
        >
          {t(`dossier.forms.${form}`)}
        </Button>
      ))}
    </Space>
  );
}
