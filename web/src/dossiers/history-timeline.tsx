import { Flex, Timeline, Typography } from 'antd';
import './dossiers.css';
import { useTranslation } from 'react-i18next';
import { fileUrl, type HistoryEvent } from '../api/dossiers';
import { formatDateTime } from '../format/date';
import { TimelinessTag } from './timeliness-tag';

const DOT_COLORS: Record<string, string> = { late: 'red', overdue: 'red', dueSoon: 'orange' };

function Line({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Typography.Text type="secondary">{label}: </Typography.Text>
      {children}
    </div>
  );
}

/** Who did what, in which unit, when, why, and whether the step finished within its own deadline (Decree 61/2018 art. 22). */
export function HistoryTimeline({ history }: { history: HistoryEvent[] }) {
  const { t } = useTranslation();
  if (history.length === 0) return <Typography.Paragraph>{t('dossier.history.empty')}</Typography.Paragraph>;
  const statusName = (status: string | null) => (status ? t(`dossier.status.${status}`, { defaultValue: status }) : '');
  const items = history.map((event) => ({
    key: event.seq,
    color: (event.timeliness && DOT_COLORS[event.timeliness]) ?? 'blue',
    children: (
      <Flex vertical gap={2} data-testid={`history-${event.seq}`}>
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{t(`dossier.action.${event.action}`, { defaultValue: event.action })}</Typography.Text>
          <Typography.Text type="secondary">{formatDateTime(event.at)}</Typography.Text>
          <TimelinessTag timeliness={event.timeliness} />
        </Flex>
        {event.fromStatus !== event.toStatus && event.toStatus && (
          <Typography.Text>
            {event.fromStatus
              ? t('dossier.history.statusChange', { from: statusName(event.fromStatus), to: statusName(event.toStatus) })
              : statusName(event.toStatus)}
          </Typography.Text>
        )}
        {event.actorName && <Line label={t('dossier.history.by')}>{event.actorName}</Line>}
        {event.unitName && <Line label={t('dossier.history.unit')}>{event.unitName}</Line>}
        {event.stepName && <Line label={t('dossier.history.step')}>{event.stepName}</Line>}
        {event.stepDueAt && <Line label={t('dossier.history.stepDue')}>{formatDateTime(event.stepDueAt)}</Line>}
        {event.note && <Line label={t('dossier.history.note')}>{event.note}</Line>}
        {event.reason && <Line label={t('dossier.history.apologyReason')}>{event.reason}</Line>}
        {event.newDueAt && <Line label={t('dossier.history.newDueAt')}>{formatDateTime(event.newDueAt)}</Line>}
        {event.reasons && event.reasons.length > 0 && (
          <Line label={t('dossier.history.reasons')}>
            <ul className="cqs-dossier-list">
              {event.reasons.map((reason, index) => (
                <li key={index}>{reason}</li>
              ))}
            </ul>
          </Line>
        )}
        {event.items && event.items.length > 0 && (
          <Line label={t('dossier.history.items')}>
            <ul className="cqs-dossier-list">
              {event.items.map((item, index) => (
                <li key={index}>{item}</li>
              ))}
            </ul>
          </Line>
        )}
        {event.files.length > 0 && (
          <Line label={t('dossier.history.files')}>
            {event.files.map((file) => (
              <Typography.Link key={file.fileId} href={fileUrl(file.fileId)} target="_blank" rel="noopener" style={{ marginRight: 12 }}>
                {file.name}
              </Typography.Link>
            ))}
          </Line>
        )}
      </Flex>
    ),
  }));
  return (
    // The page around it names the history (a heading "Quá trình xử lý"); no second landmark of the same name.
    <Timeline items={items} />
  );
}
