import type { ReactNode } from 'react';
import { Alert, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { fetchDataStore } from '../api/dossiers';
import { fetchDraft, fetchFilingProcedure } from '../api/filing';
import { ErrorPage } from '../components/error-page';
import { LinkButton } from '../components/link-button';
import { PageSpinner } from '../components/page-spinner';
import { usePageTitle } from '../components/use-page-title';
import { FilingForm } from '../portal/filing-form';

/** Nộp hồ sơ trực tuyến: `/services/:code/file`, resuming a saved draft with `?draft=ID`. */
export function FilingPage() {
  const { t } = useTranslation();
  const code = useParams().code ?? '';
  const draftParam = useSearchParams()[0].get('draft');
  // A malformed draft id in the address is simply not found, like an unknown one.
  const draftId = draftParam === null ? undefined : /^[1-9][0-9]{0,15}$/.test(draftParam) ? Number(draftParam) : 0;
  const procedure = useQuery({ queryKey: ['procedure', code], queryFn: () => fetchFilingProcedure(code) });
  // Kho dữ liệu: prefill and reusable documents; filing still works without it (e.g. a new account with nothing stored).
  const dataStore = useQuery({ queryKey: ['data-store', code], queryFn: () => fetchDataStore(code), retry: false });
  const draft = useQuery({ queryKey: ['dossier-draft', draftId], queryFn: () => fetchDraft(draftId!), enabled: draftId !== undefined && draftId > 0 });
  usePageTitle(procedure.data ? t('citizen.filing.pageTitle', { name: procedure.data.name }) : t('citizen.filing.title'));

  const page = (content: ReactNode) => <div className="cqs-container cqs-page">{content}</div>;
  if (procedure.isPending || dataStore.isPending || (draftId && draft.isPending)) return page(<PageSpinner />);
  if (draftId === 0) return page(<ErrorPage notFound />);
  const missing = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 400);
  if (procedure.isError) return page(<ErrorPage error={procedure.error} notFound={missing(procedure.error)} />);
  if (draftId && draft.isError) return page(<ErrorPage error={draft.error} notFound={missing(draft.error)} />);
  const p = procedure.data;
  // A draft of another procedure opened under this address would file the wrong form: treat it as not found.
  if (draft.data && draft.data.procedureCode !== p.code) return page(<ErrorPage notFound />);

  return page(
    <>
      <LinkButton type="link" to={`/services/${encodeURIComponent(p.code)}`} icon={<ArrowLeftOutlined aria-hidden="true" />} style={{ paddingLeft: 0 }}>
        {t('citizen.filing.backToProcedure')}
      </LinkButton>
      <Typography.Text type="secondary" style={{ display: 'block' }}>
        {t('citizen.filing.title')} · {t('procedures.code')} {p.code}
      </Typography.Text>
      <Typography.Title level={1}>{p.name}</Typography.Title>
      {p.status === 'retired' && <Alert type="warning" showIcon message={t('procedures.retired')} style={{ marginBottom: 16 }} />}
      <FilingForm key={p.code} procedure={p} dataStore={dataStore.data} draft={draft.data} />
    </>,
  );
}
