import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { CALENDAR_ENTRY_KINDS, type CalendarEntry } from '../api/calendar';
import { FormModal } from '../components/form-modal';
import { FormSelect } from '../components/form-select';

interface Props {
  /** The entry being edited, `'new'` for a new one, null when closed. */
  entry: CalendarEntry | 'new' | null;
  year: number;
  onCancel: () => void;
  /** Keeps the entry in the year's draft; the server checks the whole year when it is saved. */
  onDone: (entry: CalendarEntry) => void;
}

export function EntryModal({ entry, year, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  const editing = entry !== null && entry !== 'new' ? entry : null;
  return (
    <FormModal<{ date: string; kind: CalendarEntry['kind']; name: string; nameEn?: string }>
      name="calendar-entry"
      open={entry !== null}
      title={editing ? t('calendar.editEntry', { date: editing.date }) : t('calendar.addEntry')}
      okText={t('calendar.keepEntry')}
      initialValues={editing ? { ...editing, nameEn: editing.nameEn ?? '' } : { date: `${year}-01-01`, kind: 'holiday' }}
      onCancel={onCancel}
      onSubmit={async (values) => onDone({ date: values.date, kind: values.kind, name: values.name.trim(), nameEn: values.nameEn?.trim() || null })}
    >
      <Form.Item label={t('calendar.date')} name="date" rules={[{ required: true, message: t('common.required', { field: t('calendar.date') }) }]}>
        <Input type="date" min={`${year}-01-01`} max={`${year}-12-31`} />
      </Form.Item>
      <Form.Item label={t('calendar.kind')} name="kind" rules={[{ required: true, message: t('common.required', { field: t('calendar.kind') }) }]}>
        <FormSelect options={CALENDAR_ENTRY_KINDS.map((kind) => ({ value: kind, label: t(`calendar.kinds.${kind}`) }))} />
      </Form.Item>
      <Form.Item label={t('calendar.name')} name="name" rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('calendar.name') }) }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={t('calendar.nameEn')} name="nameEn">
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
