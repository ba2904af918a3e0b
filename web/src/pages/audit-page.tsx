import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchAudit, type AuditQuery } from '../api/audit';
import type { AuditEntry } from '../api/types';
import { formatDateTime, startOfVietnamDay } from '../format/date';
import { usePageTitle } from '../components/use-page-title';
import { ProblemAlert } from '../components/problem-alert';
import { ScrollRegion } from '../components/scroll-region';

interface Filters {
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

const dayStart = (day: Dayjs) => startOfVietnamDay(day.year(), day.month() + 1, day.date());
// "to" includes the whole chosen day: the filter ends at the start of the next day.
const dayEnd = (day: Dayjs) => dayStart(day.add(1, 'day'));

function summaryText(summary: Record<string, unknown> | null | undefined): string {
  return summary && Object.keys(summary).length > 0 ? JSON.stringify(summary) : '';
}

export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  const [form] = Form.useForm<Filters>();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 50 });
  const audit = useQuery({ queryKey: ['audit', query], queryFn: () => fetchAudit(query), placeholderData: keepPreviousData });

  const apply = (values: Filters) =>
    setQuery({
      page: 1,
      pageSize: query.pageSize,
      action: values.action?.trim() || undefined,
      entityType: values.entityType?.trim() || undefined,
      entityId: values.entityId?.trim() || undefined,
      from: values.from ? dayStart(values.from) : undefined,
      to: values.to ? dayEnd(values.to) : undefined,
    });

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 150, render: (at: string) => formatDateTime(at) },
    { title: t('audit.actor'), dataIndex: 'actorUsername', width: 140, render: (name: string | null) => name ?? t('audit.system') },
    { title: t('audit.action'), dataIndex: 'action', width: 170, render: (action: string) => <code>{action}</code> },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 140,
      render: (_, entry) => `${entry.entityType}${entry.entityId ? ` #${entry.entityId}` : ''}`,
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 120 },
    {
      title: t('audit.summary'),
      dataIndex: 'summary',
      render: (summary: Record<string, unknown>) => (
        <Typography.Text className="cqs-audit-summary" ellipsis={{ tooltip: summaryText(summary) }}>
          {summaryText(summary)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={1}>{t('audit.title')}</Typography.Title>
      <Card>
        <Form<Filters> name="audit-filters" form={form} layout="inline" colon={false} className="cqs-filters" onFinish={apply}>
          <Form.Item label={t('audit.filterAction')} name="action">
            <Input allowClear placeholder="user.create" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item label={t('audit.filterEntity')} name="entityType">
            <Input allowClear placeholder="user" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label={t('audit.filterEntityId')} name="entityId">
            <Input allowClear style={{ width: 120 }} />
          </Form.Item>
          <Form.Item label={t('audit.from')} name="from">
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item label={t('audit.to')} name="to">
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('audit.apply')}
            </Button>
          </Form.Item>
          <Form.Item>
            <Button
              onClick={() => {
                form.resetFields();
                setQuery({ page: 1, pageSize: query.pageSize });
              }}
            >
              {t('audit.clear')}
            </Button>
          </Form.Item>
        </Form>
        <ProblemAlert error={audit.error} />
        <ScrollRegion label={t('audit.title')}>
          <Table<AuditEntry>
            rowKey="seq"
            tableLayout="fixed"
            size="small"
            columns={columns}
            dataSource={audit.data?.items ?? []}
            loading={audit.isFetching}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: audit.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
            }}
            style={{ minWidth: 1000 }}
          />
        </ScrollRegion>
      </Card>
    </>
  );
}
