import { Flex, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { receiptUrl, type PaymentRecord } from '../api/payments';
import { formatDateTime } from '../format/date';
import { formatVnd } from './format';

/** The receipts issued for a dossier's payments (biên lai điện tử, Decree 123/2020), each a PDF link. */
export function ReceiptLinks({ payments }: { payments: PaymentRecord[] }) {
  const { t } = useTranslation();
  const issued = payments.filter((payment) => payment.receiptNo);
  if (issued.length === 0) return <Typography.Text type="secondary">{t('payments.card.noReceipts')}</Typography.Text>;
  return (
    <Flex vertical gap={4}>
      {issued.map((payment) => (
        <span key={payment.id}>
          {/* Underlined: the link sits in a line of text, and colour alone must not set it apart (WCAG 1.4.1). */}
          <Typography.Link href={receiptUrl(payment.id)} target="_blank" rel="noopener" style={{ textDecoration: 'underline' }}>
            <FilePdfOutlined aria-hidden="true" /> {t('payments.card.receiptLink', { receiptNo: payment.receiptNo })}
          </Typography.Link>{' '}
          <Typography.Text type="secondary">
            {t('payments.card.paidOn', {
              amount: formatVnd(payment.amountVnd),
              channel: t(`payments.channel.${payment.channel}`, { defaultValue: payment.channel }),
              date: formatDateTime(payment.paidAt),
            })}
          </Typography.Text>
        </span>
      ))}
    </Flex>
  );
}
