import { DatePicker, Form, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { registerUrl } from '../api/dossiers';
import type { Unit } from '../api/types';
import { FormModal } from '../components/form-modal';
import { UnitSelect } from '../units/unit-select';

interface Values {
  unitId: number;
  from: Dayjs;
  to: Dayjs;
}

interface Props {
  open: boolean;
  units: Unit[];
  /** The unit the list is filtered on, else the official's own unit. */
  initialUnitId?: number;
  onClose: () => void;
}

/** Sổ theo dõi hồ sơ (form 06 of Circular 01/2018/TT-VPCP) for a unit and period, opened as a PDF in a new tab. */
export function RegisterModal({ open, units, initialUnitId, onClose }: Props) {
  const { t } = useTranslation();
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  const submit = async (values: Values) => {
    const unit = units.find((candidate) => candidate.id === values.unitId);
    if (!unit) return;
    // Calendar days, as written on the register's title; the server reads them in Vietnam's time zone.
    const url = registerUrl({ unit: unit.code, from: values.from.format('YYYY-MM-DD'), to: values.to.format('YYYY-MM-DD') });
    window.open(url, '_blank', 'noopener');
    onClose();
  };
  return (
    <FormModal<Values>
      name="dossier-register"
      open={open}
      title={t('officeDossiers.registerTitle')}
      okText={t('officeDossiers.registerOpen')}
      initialValues={{ unitId: initialUnitId, from: dayjs().startOf('month'), to: dayjs() }}
      onCancel={onClose}
      onSubmit={submit}
    >
      <Typography.Paragraph type="secondary">{t('officeDossiers.registerHelp')}</Typography.Paragraph>
      <Form.Item label={t('officeDossiers.registerUnit')} name="unitId" rules={required(t('officeDossiers.registerUnit'))}>
        <UnitSelect units={units.filter((unit) => unit.status !== 'merged')} />
      </Form.Item>
      <Form.Item label={t('officeDossiers.registerFrom')} name="from" rules={required(t('officeDossiers.registerFrom'))}>
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={t('officeDossiers.registerTo')}
        name="to"
        dependencies={['from']}
        rules={[
          ...required(t('officeDossiers.registerTo')),
          ({ getFieldValue }) => ({
            validator: (_, value: Dayjs | undefined) =>
              !value || !getFieldValue('from') || !value.isBefore(getFieldValue('from'), 'day')
                ? Promise.resolve()
                : Promise.reject(new Error(t('officeDossiers.registerOrder'))),
          }),
          // The server prints at most 366 days in one register; say so here rather than in a new tab.
          ({ getFieldValue }) => ({
            validator: (_, value: Dayjs | undefined) =>
              !value || !getFieldValue('from') || value.diff(getFieldValue('from'), 'day') <= 366
                ? Promise.resolve()
                : Promise.reject(new Error(t('officeDossiers.registerTooLong'))),
          }),
        ]}
      >
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
