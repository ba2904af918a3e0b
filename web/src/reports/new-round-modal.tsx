import { DatePicker, Form, Input, Select, TreeSelect, Typography } from 'antd';
import { App } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createRound, fetchTemplates, type ReportRegime } from '../api/reports';
import { fetchUnits } from '../api/units';
import type { Me, Unit } from '../api/types';
import { useMe } from '../auth/session';
import { FormModal } from '../components/form-modal';
import { FormSelect, withoutAriaRequired } from '../components/form-select';
import { buildUnitForest, subtreeIds, type UnitNode } from '../units/unit-tree';
import { periodOf, pickerOf } from './period';

interface Values {
  templateId?: number;
  anchor?: Dayjs;
  half?: 1 | 2;
  range?: [Dayjs, Dayjs];
  dueDate?: Dayjs;
  unitIds?: number[];
  periodLabel?: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (roundId: number) => void;
}

interface Option {
  value: number;
  title: string;
  children: Option[];
}

/** Units below the caller's grants (a round goes to lower levels; the server checks the scope again). */
function unitsBelowGrants(units: Unit[], me: Me | null | undefined): Set<number> {
  const below = new Set<number>();
  for (const grant of me?.roles ?? []) {
    if (grant.unitId === null || !grant.includeSubtree) continue;
    for (const id of subtreeIds(units, grant.unitId)) if (id !== grant.unitId) below.add(id);
  }
  return below;
}

function toOptions(nodes: UnitNode[], allowed: Set<number>): Option[] {
  return nodes.flatMap(({ unit, children }) => {
    const inner = toOptions(children, allowed);
    if (allowed.has(unit.id)) return [{ value: unit.id, title: unit.name, children: inner }];
    return inner;
  });
}

function UnitsField(props: { id?: string; value?: number[]; onChange?: (value: number[]) => void; units: Unit[]; allowed: Set<number> }) {
  const { units, allowed, ...rest } = props;
  return (
    <TreeSelect<number[]>
      {...withoutAriaRequired(rest)}
      multiple
      showSearch
      treeDefaultExpandAll
      treeNodeFilterProp="title"
      treeData={toOptions(buildUnitForest(units, false), allowed)}
      style={{ width: '100%' }}
    />
  );
}

/** Giao báo cáo: a template, the period its regime names, the due date and the units that must report. */
export function NewRoundModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const me = useMe().data;
  const templates = useQuery({ queryKey: ['report-templates', 'active'], queryFn: () => fetchTemplates({ status: 'active' }), enabled: open });
  const units = useQuery({ queryKey: ['units'], queryFn: fetchUnits, enabled: open });
  const allUnits = units.data ?? [];
  const allowed = unitsBelowGrants(allUnits, me);
  const label = (key: string) => t(`reports.field.${key}`);
  const required = (key: string) => [{ required: true, message: t('common.required', { field: label(key) }) }];

  const regimeOf = (templateId?: number): ReportRegime | undefined => templates.data?.find((item) => item.id === templateId)?.regime;

  const submit = async (values: Values) => {
    const regime = regimeOf(values.templateId) ?? 'ad_hoc';
    const period = periodOf(regime, values);
    if (!period || !values.templateId || !values.dueDate) return;
    const created = await createRound({
      templateId: values.templateId,
      periodFrom: period.from,
      periodTo: period.to,
      dueDate: values.dueDate.format('YYYY-MM-DD'),
      unitIds: values.unitIds ?? [],
      periodLabel: values.periodLabel?.trim() || undefined,
    });
    void client.invalidateQueries({ queryKey: ['report-rounds'] });
    void message.success(t('reports.round.created', { count: values.unitIds?.length ?? 0 }));
    onClose();
    onCreated(created.round.id);
  };

  return (
    <FormModal<Values>
      name="report-round"
      open={open}
      title={t('reports.round.newTitle')}
      okText={t('reports.actions.newRound')}
      initialValues={{ anchor: dayjs(), half: dayjs().month() < 6 ? 1 : 2, unitIds: [] }}
      onCancel={onClose}
      onSubmit={submit}
      width={640}
    >
      <Form.Item label={label('template')} name="templateId" rules={required('template')}>
        <FormSelect<number>
          showSearch
          optionFilterProp="label"
          loading={templates.isPending}
          options={(templates.data ?? []).map((item) => ({
            value: item.id,
            label: `${item.code} — ${item.name} (${t(`reports.regime.${item.regime}`)})`,
          }))}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['templateId']}>
        {({ getFieldValue }) => {
          const regime = regimeOf(getFieldValue('templateId') as number | undefined);
          if (!regime) return null;
          const picker = pickerOf(regime);
          if (!picker) {
            return (
              <Form.Item label={label('period')} name="range" rules={required('period')}>
                <DatePicker.RangePicker format="DD/MM/YYYY" placeholder={[label('periodFrom'), label('periodTo')]} style={{ width: '100%' }} />
              </Form.Item>
            );
          }
          const anchorLabel = { month: label('month'), quarter: label('quarter'), year: label('year') }[picker.picker];
          return (
            <>
              <Form.Item label={anchorLabel} name="anchor" rules={required('period')}>
                <DatePicker picker={picker.picker} format={picker.format} style={{ width: '100%' }} />
              </Form.Item>
              {regime === 'half_yearly' && (
                <Form.Item label={label('half')} name="half" rules={required('half')}>
                  <Select
                    options={[
                      { value: 1, label: t('reports.round.firstHalf') },
                      { value: 2, label: t('reports.round.secondHalf') },
                    ]}
                  />
                </Form.Item>
              )}
            </>
          );
        }}
      </Form.Item>
      <Form.Item label={label('periodLabel')} name="periodLabel" extra={t('reports.round.labelHelp')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={label('dueDate')} name="dueDate" rules={required('dueDate')}>
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={label('units')} name="unitIds" rules={[{ required: true, type: 'array', min: 1, message: t('common.required', { field: label('units') }) }]}>
        <UnitsField units={allUnits} allowed={allowed} />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('reports.round.pickUnitsHelp')}</Typography.Paragraph>
    </FormModal>
  );
}
