import { useEffect, useState } from 'react';
import { App, Button, Card, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchCalendarYear, saveCalendarYear, type CalendarEntry } from '../api/calendar';
import { ApiError } from '../api/client';
import { EntryModal } from '../calendar/entry-modal';
import { OfficeHoursCard } from '../calendar/office-hours-card';
import { ProblemAlert } from '../components/problem-alert';
import { ScrollRegion } from '../components/scroll-region';
import { usePageTitle } from '../components/use-page-title';

const KIND_COLORS: Record<CalendarEntry['kind'], string> = { holiday: 'red', day_off: 'gold', working_day: 'blue' };

/** dd/MM/yyyy and the weekday, computed on the date itself (no time zone involved). */
function useDateLabel() {
  const { t } = useTranslation();
  return (date: string) => {
    const [y, m, d] = date.split('-').map(Number);
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    return `${t(`calendar.weekdays.${weekday}`)}, ${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
  };
}

const byDate = (a: CalendarEntry, b: CalendarEntry) => a.date.localeCompare(b.date);

export function CalendarPage() {
  const { t } = useTranslation();
  usePageTitle(t('calendar.title'));
  const { message } = App.useApp();
  const client = useQueryClient();
  const dateLabel = useDateLabel();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const calendar = useQuery({ queryKey: ['calendar', year], queryFn: () => fetchCalendarYear(year) });
  const [draft, setDraft] = useState<CalendarEntry[]>([]);
  const [editing, setEditing] = useState<CalendarEntry | 'new' | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    setDraft(calendar.data?.entries ?? []);
    setProblem(null);
  }, [calendar.data]);

  const keep = (entry: CalendarEntry) => {
    const replaced = editing !== null && editing !== 'new' ? editing.date : entry.date;
    setDraft((current) => [...current.filter((e) => e.date !== replaced && e.date !== entry.date), entry].sort(byDate));
    setEditing(null);
  };

  const save = async () => {
    setSaving(true);
    try {
      const saved = await saveCalendarYear(year, draft);
      client.setQueryData(['calendar', year], saved);
      setProblem(null);
      void message.success(t('calendar.saved', { year }));
    } catch (error) {
      setProblem(error);
    } finally {
      setSaving(false);
    }
  };

  const fieldProblems = problem instanceof ApiError ? problem.errors : [];
  const columns: TableColumnsType<CalendarEntry> = [
    { title: t('calendar.date'), dataIndex: 'date', width: 190, render: (date: string) => dateLabel(date) },
    { title: t('calendar.kind'), dataIndex: 'kind', width: 170, render: (kind: CalendarEntry['kind']) => <Tag color={KIND_COLORS[kind]} bordered={false}>{t(`calendar.kinds.${kind}`)}</Tag> },
    { title: t('calendar.name'), dataIndex: 'name' },
    { title: t('calendar.nameEn'), dataIndex: 'nameEn', render: (name: string | null) => name ?? t('common.none') },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, entry) => (
        <Space>
          <Button size="small" onClick={() => setEditing(entry)} aria-label={t('calendar.editEntry', { date: entry.date })}>
            {t('calendar.edit')}
          </Button>
          <Popconfirm
            title={t('calendar.removeConfirm', { date: dateLabel(entry.date) })}
            okText={t('calendar.remove')}
            cancelText={t('common.cancel')}
            onConfirm={() => setDraft((current) => current.filter((e) => e.date !== entry.date))}
          >
            <Button size="small" danger aria-label={t('calendar.removeEntry', { date: entry.date })}>
              {t('calendar.remove')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={1}>{t('calendar.title')}</Typography.Title>
      <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('calendar.entriesTitle')}</Typography.Title>}>
        <Space wrap style={{ marginBottom: 16 }}>
          <label htmlFor="calendar-year">{t('calendar.year')}</label>
          <Select<number>
            id="calendar-year"
            value={year}
            onChange={setYear}
            options={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 110 }}
          />
          <Button onClick={() => setEditing('new')}>{t('calendar.addEntry')}</Button>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            {t('calendar.saveYear', { year })}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary">{t('calendar.entriesHelp')}</Typography.Paragraph>
        <ProblemAlert error={calendar.error ?? problem} />
        {fieldProblems.length > 0 && (
          <ul className="cqs-field-problems">
            {fieldProblems.map((p) => {
              const index = Number(p.path.split('/')[2]);
              const entry = Number.isInteger(index) ? draft[index] : undefined;
              return <li key={p.path}>{entry ? `${entry.date} — ${p.message}` : p.message}</li>;
            })}
          </ul>
        )}
        <ScrollRegion label={t('calendar.entriesTitle')}>
          <Table<CalendarEntry>
            rowKey="date"
            size="small"
            tableLayout="fixed"
            columns={columns}
            dataSource={draft}
            loading={calendar.isFetching}
            pagination={false}
            locale={{ emptyText: t('calendar.empty', { year }) }}
            style={{ minWidth: 900 }}
          />
        </ScrollRegion>
      </Card>
      <OfficeHoursCard />
      <EntryModal entry={editing} year={year} onCancel={() => setEditing(null)} onDone={keep} />
    </>
  );
}
