import { useTranslation } from 'react-i18next';
import { ErrorPage } from '../components/error-page';
import { usePageTitle } from '../components/use-page-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('errors.notFoundTitle'));
  return <ErrorPage notFound />;
}
