import { Result } from 'antd';
import { LinkButton } from './link-button';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

export function ErrorPage({ error, notFound }: { error?: unknown; notFound?: boolean }) {
  const { t } = useTranslation();
  const missing = notFound || (error instanceof ApiError && error.status === 404);
  return (
    <Result
      status={missing ? '404' : 'error'}
      title={missing ? t('errors.notFoundTitle') : t('errors.loadFailed')}
      subTitle={missing ? t('errors.notFoundText') : error instanceof Error ? error.message : undefined}
      extra={
        <LinkButton type="primary" to="/">
          {t('errors.backHome')}
        </LinkButton>
      }
    />
  );
}
