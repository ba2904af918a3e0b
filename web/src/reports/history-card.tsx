import { useState } from 'react';
import { Button, Card, Col, List, Modal, Row, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchAssignmentVersion, type AssignmentDetail } from '../api/reports';
import { ProblemAlert } from '../components/problem-alert';
import { formatDateTime } from '../format/date';
import { computeFormulas } from './formulas';
import { ReportGrid } from './report-grid';

function VersionModal({ assignment, version, onClose }: { assignment: AssignmentDetail; version: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['report-assignment-version', assignment.id, version],
    queryFn: () => fetchAssignmentVersion(assignment.id, version!),
    enabled: version !== null,
  });
  const document = assignment.template.document;
  return (
    <Modal
      open={version !== null}
      onCancel={onClose}
      footer={null}
      width={960}
      title={query.data ? t('reports.fill.versionTitle', { version, date: formatDateTime(query.data.createdAt) }) : t('reports.fill.showVersion', { version })}
      destroyOnHidden
    >
      <ProblemAlert error={query.error} />
      {query.data && (
        <ReportGrid
          document={document}
          data={query.data.data}
          computed={computeFormulas(document, query.data.data)}
          editable={false}
          label={t('reports.fill.showVersion', { version })}
        />
      )}
    </Modal>
  );
}

/** Every saved version of the report (never overwritten) and the history of what was done to it, by whom, when. */
export function HistoryCard({ assignment }: { assignment: AssignmentDetail }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<number | null>(null);
  const heading = (text: string) => (
    <Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>
      {text}
    </Typography.Title>
  );
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} lg={12}>
        <Card title={heading(t('reports.fill.versions'))}>
          <List
            size="small"
            locale={{ emptyText: <span className="cqs-report-empty">{t('reports.fill.noVersions')}</span> }}
            dataSource={[...assignment.versions].sort((a, b) => b.version - a.version)}
            renderItem={(version) => (
              <List.Item
                actions={[
                  <Button key="view" size="small" onClick={() => setShown(version.version)} aria-label={t('reports.fill.showVersion', { version: version.version })}>
                    {t('reports.actions.view')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={t('reports.fill.versionLine', { version: version.version, kind: t(`reports.fill.kind.${version.kind}`, { defaultValue: version.kind }) })}
                  description={`${formatDateTime(version.createdAt)}${typeof version.createdBy === 'string' ? ` — ${version.createdBy}` : ''}`}
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={heading(t('reports.fill.history'))}>
          {assignment.events.length === 0 ? (
            <Typography.Paragraph>{t('reports.fill.noHistory')}</Typography.Paragraph>
          ) : (
            <Timeline
              items={assignment.events.map((event, index) => ({
                key: index,
                color: event.action === 'returned' ? 'red' : event.action === 'accepted' ? 'green' : 'blue',
                children: (
                  <div data-testid={`report-event-${index}`}>
                    <Typography.Text strong>{t(`reports.event.${event.action}`, { defaultValue: event.action })}</Typography.Text>{' '}
                    <Typography.Text type="secondary">{formatDateTime(event.at)}</Typography.Text>
                    {event.actorName && (
                      <div>
                        {t('reports.fill.by')}: {event.actorName}
                      </div>
                    )}
                    {event.note && (
                      <div style={{ whiteSpace: 'pre-wrap' }}>
                        {event.action === 'reminded' ? t(`reports.reminder.${event.note}`, { defaultValue: event.note }) : event.note}
                      </div>
                    )}
                  </div>
                ),
              }))}
            />
          )}
        </Card>
      </Col>
      <VersionModal assignment={assignment} version={shown} onClose={() => setShown(null)} />
    </Row>
  );
}
