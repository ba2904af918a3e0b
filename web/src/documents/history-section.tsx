import { Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentEvent } from '../api/documents';
import { formatDateTime } from '../format/date';
import { formatDay } from './days';

const DETAIL_KEYS = ['comment', 'note', 'reason', 'instructions', 'deadline', 'numberNotation', 'arrivalNumber'];

/** The document's actions in time order: what, when, who, the status change and the words that came with it. */
export function HistorySection({ events }: { events: DocumentEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <Typography.Paragraph>{t('documents.detail.noHistory')}</Typography.Paragraph>;
  const items = events.map((event, index) => {
    const details = DETAIL_KEYS.flatMap((key) => {
      const value = event.details?.[key];
      return typeof value === 'string' || typeof value === 'number' ? [{ key, value: key === 'deadline' ? formatDay(String(value)) : String(value) }] : [];
    });
    return {
      key: index,
      children: (
        <Flex vertical gap={2} data-testid={`document-event-${index}`}>
          <Flex gap={8} wrap align="center">
            <Typography.Text strong>{t(`documents.event.${event.action}`, { defaultValue: t(`documents.action.${event.action}`, { defaultValue: event.action }) })}</Typography.Text>
            <Typography.Text type="secondary">{formatDateTime(event.at)}</Typography.Text>
          </Flex>
          {event.actorName && (
            <Typography.Text>
              {t('documents.detail.by')}: {event.actorName}
            </Typography.Text>
          )}
          {details.map(({ key, value }) => (
            <Typography.Text key={key} style={{ whiteSpace: 'pre-wrap' }}>
              {t(`documents.detail.eventDetail.${key}`)}: {value}
            </Typography.Text>
          ))}
        </Flex>
      ),
    };
  });
  return <Timeline items={items} />;
}
