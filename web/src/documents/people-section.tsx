import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../api/documents';
import { ScrollRegion } from '../components/scroll-region';
import { formatDateTime } from '../format/date';
import { Deadline } from './document-tags';

/** Assignments (lead + coordinators with deadlines), reviewers and, for an outgoing document, recipients' handling. */
export function PeopleSection({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const d = (key: string) => t(`documents.detail.${key}`);
  return (
    <>
      {document.assignments.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {d('assignments')}
          </Typography.Title>
          <ScrollRegion label={d('assignments')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={document.assignments}
              columns={[
                { title: d('handler'), dataIndex: 'userName' },
                { title: d('roleCol'), dataIndex: 'role', render: (role: string) => t(`documents.detail.role.${role}`, { defaultValue: role }) },
                { title: d('deadline'), dataIndex: 'deadline', render: (day: string | null, row) => <Deadline day={day} open={row.status === 'open'} /> },
                { title: d('instructions'), dataIndex: 'instructions', render: (text: string | null) => text ?? t('common.none') },
                {
                  title: t('documents.field.status'),
                  key: 'status',
                  render: (_, row) => (
                    <Tag bordered={false} color={row.status === 'done' ? 'green' : row.status === 'open' ? 'blue' : 'default'}>
                      {t(`documents.detail.assignmentStatus.${row.status}`, { defaultValue: row.status })}
                      {row.doneAt ? ` · ${formatDateTime(row.doneAt)}` : ''}
                    </Tag>
                  ),
                },
              ]}
            />
          </ScrollRegion>
        </>
      )}
      {document.reviews.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
            {d('reviews')}
          </Typography.Title>
          <ScrollRegion label={d('reviews')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={document.reviews}
              columns={[
                { title: d('reviewer'), dataIndex: 'reviewer' },
                { title: t('documents.field.status'), dataIndex: 'status', render: (status: string) => t(`documents.detail.reviewStatus.${status}`, { defaultValue: status }) },
                { title: t('documents.dialog.comment'), dataIndex: 'comment', render: (text: string | null) => text ?? t('common.none') },
                { title: d('versionCol'), dataIndex: 'versionNo' },
                { title: d('decidedAt'), dataIndex: 'decidedAt', render: (at: string | null) => formatDateTime(at) },
              ]}
            />
          </ScrollRegion>
        </>
      )}
      {document.recipients.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
            {d('recipientsTitle')}
          </Typography.Title>
          <ScrollRegion label={d('recipientsTitle')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={document.recipients}
              columns={[
                { title: t('documents.field.recipients'), dataIndex: 'name' },
                {
                  title: t('documents.field.status'),
                  dataIndex: 'status',
                  render: (status: string) => (
                    <Tag bordered={false} color={status === 'done' ? 'green' : status === 'failed' || status === 'recalled' ? 'red' : 'blue'}>
                      {t(`documents.detail.recipientStatus.${status}`, { defaultValue: status })}
                    </Tag>
                  ),
                },
                { title: d('statusAt'), dataIndex: 'statusAt', render: (at: string | null) => formatDateTime(at) },
              ]}
            />
          </ScrollRegion>
        </>
      )}
      {document.assignments.length === 0 && document.reviews.length === 0 && document.recipients.length === 0 && (
        <Typography.Paragraph>{t('common.none')}</Typography.Paragraph>
      )}
    </>
  );
}
