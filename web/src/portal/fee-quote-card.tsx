import { useEffect, useState } from 'react';
import { Alert, Card, Divider, Flex, Skeleton, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchFeeQuote, type FeeLine } from '../api/fees';
import { fieldTitleOf } from '../procedures/fees-table';
import { formatVnd } from '../procedures/format';

/** The value as it was `delay` ms after it last changed: one quote per pause in typing, not one per keystroke. */
function useSettled<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

function LineRow({ line, unitTitle }: { line: FeeLine; unitTitle: string | undefined }) {
  const { t } = useTranslation();
  const capped = line.amountVnd < line.unitAmountVnd * line.quantity;
  return (
    <li className="cqs-fee-line">
      <Flex justify="space-between" gap={16}>
        <Typography.Text>{line.name}</Typography.Text>
        <Typography.Text>{formatVnd(line.amountVnd)}</Typography.Text>
      </Flex>
      {unitTitle && (
        <Typography.Text type="secondary" className="cqs-fee-detail">
          {t('fees.lineQuantity', { amount: formatVnd(line.unitAmountVnd), quantity: line.quantity, unit: unitTitle })}
          {capped && ` (${t('fees.lineCapped')})`}
        </Typography.Text>
      )}
      {line.reduction && (
        <Typography.Text type="success" className="cqs-fee-detail">
          {t('fees.lineReduction', { name: line.reduction.name, amount: formatVnd(line.reduction.amountVnd) })}
        </Typography.Text>
      )}
    </li>
  );
}

interface Props {
  procedureCode: string;
  form: Record<string, unknown>;
  formSchema: Record<string, unknown>;
  /** Fee rules of the procedure, to name the form field a per-page or per-copy fee counts. */
  quantityFields: Map<string, string | undefined>;
}

/**
 * Lệ phí, phí: the server's quote for online filing as the citizen fills in the form (payments contract:
 * `POST /api/procedures/{code}/fee-quote`). Only an estimate: filing computes it again from the same rules.
 */
export function FeeQuoteCard({ procedureCode, form, formSchema, quantityFields }: Props) {
  const { t } = useTranslation();
  const settledForm = useSettled(form, 400);
  const quote = useQuery({
    queryKey: ['fee-quote', procedureCode, 'online', settledForm],
    queryFn: () => fetchFeeQuote(procedureCode, 'online', settledForm),
    placeholderData: keepPreviousData,
    retry: false,
  });

  return (
    <section aria-labelledby="filing-fees">
      <Card title={<h2 id="filing-fees" className="cqs-card-title">{t('fees.cardTitle')}</h2>}>
        {quote.isPending && <Skeleton active paragraph={{ rows: 2 }} title={false} />}
        {quote.isError && !quote.data && <Alert type="warning" showIcon message={t('fees.quoteFailed')} />}
        {quote.data && (
          <>
            {quote.data.lines.length > 0 && (
              <ul className="cqs-fee-lines">
                {quote.data.lines.map((line) => {
                  const field = quantityFields.get(line.code);
                  return <LineRow key={line.code} line={line} unitTitle={field ? fieldTitleOf(formSchema, field) : undefined} />;
                })}
              </ul>
            )}
            <Divider style={{ margin: '12px 0' }} />
            <Flex justify="space-between" align="baseline" gap={16} aria-live="polite">
              <Typography.Text strong>{t('fees.total')}</Typography.Text>
              <Typography.Text strong className="cqs-fee-total" data-testid="fee-total">
                {quote.data.totalVnd === 0 ? t('fees.free') : formatVnd(quote.data.totalVnd)}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {quote.isFetching ? t('fees.updating') : t('fees.cardHelp')}
            </Typography.Paragraph>
          </>
        )}
      </Card>
    </section>
  );
}
