import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../components/link-button';
import { usePageTitle } from '../components/use-page-title';

/** Placeholder for public services that later modules deliver (procedure catalogue, dossier tracking). */
export function ComingSoonPage({ titleKey }: { titleKey: 'public.services' | 'public.tracking' }) {
  const { t } = useTranslation();
  usePageTitle(t(titleKey));
  return (
    <div className="cqs-container">
      <Result
        status="info"
        title={<h1 className="cqs-result-title">{t(titleKey)}</h1>}
        subTitle={t('public.comingSoon')}
        extra={
          <LinkButton type="primary" to="/">
            {t('errors.backHome')}
          </LinkButton>
        }
      />
    </div>
  );
}
