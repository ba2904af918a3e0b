import { useEffect, useState } from 'react';
import { Button, Result, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchDossierPayment, fetchGatewayReturn, receiptUrl, type DossierPayment } from '../api/payments';
import { ErrorPage } from '../components/error-page';
import { LinkButton } from '../components/link-button';
import { PageSpinner } from '../components/page-spinner';
import { usePageTitle } from '../components/use-page-title';
import { formatVnd } from '../payments/format';
import { PayOnlineButton } from '../payments/pay-online-button';

const POLL_MS = 2_000;
const POLL_FOR_MS = 30_000;

function validReceiptId(payment: DossierPayment | undefined): number | string | undefined {
  return payment?.payments.find((entry) => entry.status === 'valid' && entry.receiptNo)?.id;
}

/**
 * Where the gateway sends the citizen back (`/portal/payments/return?vnp_…`). The redirect itself changes nothing
 * (contract: only the signed IPN pays); when the gateway says "approved" but its IPN has not arrived yet, the page asks
 * for the dossier's payment every 2 s for about 30 s before telling the citizen to wait for the notice.
 */
export function PortalPaymentReturnPage() {
  const { t } = useTranslation();
  usePageTitle(t('payments.return.pageTitle'));
  const { search } = useLocation();
  const answer = useQuery({ queryKey: ['gateway-return', search], queryFn: () => fetchGatewayReturn(search), retry: false, staleTime: Infinity });
  const [startedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const code = answer.data?.valid ? answer.data.dossierCode : null;
  const waiting = !!answer.data?.valid && answer.data.approved && answer.data.orderStatus === 'pending';
  const polling = waiting && now - startedAt < POLL_FOR_MS;
  const payment = useQuery({
    queryKey: ['dossier-payment', code, 'return'],
    queryFn: () => fetchDossierPayment(code ?? ''),
    enabled: waiting && !!code,
    refetchInterval: (query) => (query.state.data?.order?.status === 'paid' || !polling ? false : POLL_MS),
  });
  useEffect(() => {
    if (!polling) return;
    const timer = window.setInterval(() => setNow(Date.now()), POLL_MS);
    return () => window.clearInterval(timer);
  }, [polling]);

  if (answer.isPending) return <PageSpinner />;
  if (answer.isError) {
    return (
      <div className="cqs-container cqs-page">
        <ErrorPage error={answer.error} />
      </div>
    );
  }
  const a = answer.data;
  const linkToDossier = (primary: boolean) =>
    code && (
      <LinkButton key="dossier" type={primary ? 'primary' : 'default'} to={`/portal/dossiers/${encodeURIComponent(code)}`}>
        {t('payments.return.openDossier', { code })}
      </LinkButton>
    );
  const dossierLink = linkToDossier(true);
  const mine = (
    <LinkButton key="mine" to="/portal/dossiers">
      {t('payments.return.myDossiers')}
    </LinkButton>
  );
  const title = (text: string) => <h1 className="cqs-result-title">{text}</h1>;
  const amount = formatVnd(a.amountVnd ?? 0);

  let result;
  if (!a.valid || !code) {
    result = <Result status="warning" title={title(t('payments.return.invalidTitle'))} subTitle={t('payments.return.invalidText')} extra={[mine]} />;
  } else if (a.orderStatus === 'paid' || payment.data?.order?.status === 'paid') {
    const receiptId = a.receiptId ?? validReceiptId(payment.data);
    result = (
      <Result
        status="success"
        title={title(t('payments.return.paidTitle'))}
        subTitle={t('payments.return.paidText', { amount, code })}
        extra={[
          dossierLink,
          receiptId !== undefined && receiptId !== null && (
            <Button key="receipt" icon={<FilePdfOutlined aria-hidden="true" />} href={receiptUrl(receiptId)} target="_blank" rel="noopener">
              {t('payments.return.receipt')}
            </Button>
          ),
        ]}
      />
    );
  } else if (a.orderStatus === 'cancelled') {
    result = <Result status="info" title={title(t('payments.return.cancelledTitle'))} extra={[dossierLink]} />;
  } else if (!a.approved) {
    result = (
      <Result
        status="error"
        title={title(t('payments.return.declinedTitle'))}
        subTitle={t('payments.return.declinedText', { code })}
        extra={[<PayOnlineButton key="again" code={code} />, linkToDossier(false)]}
      />
    );
  } else {
    result = (
      <Result
        status="info"
        title={title(t('payments.return.pendingTitle'))}
        subTitle={
          <span role="status">
            {polling ? t('payments.return.pendingText') : t('payments.return.stillPendingText')}
          </span>
        }
        extra={[
          dossierLink,
          !polling && (
            <Button key="again" onClick={() => void payment.refetch()} loading={payment.isFetching}>
              {t('payments.return.checkAgain')}
            </Button>
          ),
        ]}
      />
    );
  }
  return (
    <div className="cqs-container cqs-page">
      {result}
      {a.txnRef && (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('payments.return.txnRef', { txnRef: a.txnRef })}
        </Typography.Paragraph>
      )}
    </div>
  );
}
