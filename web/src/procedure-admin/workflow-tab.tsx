import { Alert, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TIME_UNITS, WORKFLOW_ACTIONS, type Duration } from '../api/procedures';
import type { RoleInfo, Unit } from '../api/types';
import { FormSelect } from '../components/form-select';
import { Cell, EditableTable } from './editable-table';
import { hoursOf } from './editor-values';

interface Props {
  roles: RoleInfo[];
  units: Unit[];
}

const hoursText = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** The steps' budgets are shares of the legal processing time; the server refuses a sum that exceeds it. */
function BudgetSummary() {
  const { t } = useTranslation();
  const steps: { budget?: Partial<Duration> }[] = Form.useWatch(['workflow', 'steps']) ?? [];
  const processingTime: Partial<Duration> | undefined = Form.useWatch('processingTime');
  // Hundredths of an hour, as the server rounds (5.6 + 33.6 must not fail on binary fractions).
  const stepHours = Math.round(steps.reduce((sum, step) => sum + hoursOf(step?.budget), 0) * 100) / 100;
  const totalHours = hoursOf(processingTime);
  const over = stepHours > totalHours;
  return (
    <Alert
      type={over ? 'warning' : 'info'}
      showIcon
      role="status"
      message={t(over ? 'procedureAdmin.budgetOver' : 'procedureAdmin.budgetWithin', { steps: hoursText.format(stepHours), total: hoursText.format(totalHours) })}
      style={{ marginBottom: 16 }}
    />
  );
}

/** Quy trình: who handles the dossier at each step and where each action leads (the dossier module follows it). */
export function WorkflowTab({ roles, units }: Props) {
  const { t, i18n } = useTranslation();
  const steps: { code?: string; name?: string }[] = Form.useWatch(['workflow', 'steps']) ?? [];
  const stepOptions = steps.filter((step) => step?.code).map((step) => ({ value: step.code!, label: step.name ? `${step.name} (${step.code})` : step.code! }));
  const roleOptions = roles
    .filter((role) => role.code !== 'citizen')
    .map((role) => ({ value: role.code, label: i18n.language === 'en' ? role.label.en : role.label.vi }));
  const unitOptions = units.filter((unit) => unit.status === 'active').map((unit) => ({ value: unit.code, label: `${unit.name} (${unit.code})` }));

  return (
    <>
      <h2 className="cqs-editor-section">{t('procedureAdmin.steps')}</h2>
      <BudgetSummary />
      <EditableTable
        name={['workflow', 'steps']}
        label={t('procedureAdmin.steps')}
        addText={t('procedureAdmin.addStep')}
        emptyText={t('procedureAdmin.noSteps')}
        minWidth={1050}
        newRow={() => ({ code: '', name: '', role: 'specialist', budget: { amount: 1, unit: 'working_days' } })}
        columns={[
          { key: 'code', title: t('procedureAdmin.stepCode'), width: 150, render: (field, row) => <Cell name={[field.name, 'code']}><Input aria-label={t('procedureAdmin.stepCodeRow', { row: row + 1 })} /></Cell> },
          { key: 'name', title: t('procedureAdmin.stepName'), render: (field, row) => <Cell name={[field.name, 'name']}><Input aria-label={t('procedureAdmin.stepNameRow', { row: row + 1 })} /></Cell> },
          { key: 'role', title: t('procedureAdmin.stepRole'), width: 180, render: (field, row) => <Cell name={[field.name, 'role']}><FormSelect options={roleOptions} aria-label={t('procedureAdmin.stepRoleRow', { row: row + 1 })} /></Cell> },
          {
            key: 'unit',
            title: t('procedureAdmin.stepUnit'),
            width: 200,
            render: (field, row) => (
              <Cell name={[field.name, 'unitCode']}>
                <FormSelect allowClear showSearch optionFilterProp="label" options={unitOptions} placeholder={t('procedureAdmin.anyUnit')} aria-label={t('procedureAdmin.stepUnitRow', { row: row + 1 })} popupMatchSelectWidth={false} />
              </Cell>
            ),
          },
          {
            key: 'budget',
            title: t('procedureAdmin.stepBudget'),
            width: 230,
            render: (field, row) => (
              <Cell>
                <Space.Compact block>
                  <Form.Item name={[field.name, 'budget', 'amount']} noStyle>
                    <InputNumber min={0} aria-label={t('procedureAdmin.stepBudgetAmountRow', { row: row + 1 })} style={{ width: '40%' }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'budget', 'unit']} noStyle>
                    <FormSelect aria-label={t('procedureAdmin.stepBudgetUnitRow', { row: row + 1 })} style={{ width: '60%' }} options={TIME_UNITS.map((unit) => ({ value: unit, label: t(`procedureAdmin.timeUnits.${unit}`) }))} />
                  </Form.Item>
                </Space.Compact>
              </Cell>
            ),
          },
        ]}
      />

      <h2 className="cqs-editor-section">{t('procedureAdmin.transitions')}</h2>
      <Typography.Paragraph type="secondary">{t('procedureAdmin.transitionsHelp')}</Typography.Paragraph>
      <EditableTable
        name={['workflow', 'transitions']}
        label={t('procedureAdmin.transitions')}
        addText={t('procedureAdmin.addTransition')}
        emptyText={t('procedureAdmin.noTransitions')}
        newRow={() => ({ from: steps[0]?.code ?? '', action: 'forward', to: steps[1]?.code ?? '' })}
        columns={[
          { key: 'from', title: t('procedureAdmin.fromStep'), render: (field, row) => <Cell name={[field.name, 'from']}><FormSelect options={stepOptions} aria-label={t('procedureAdmin.fromStepRow', { row: row + 1 })} /></Cell> },
          {
            key: 'action',
            title: t('procedureAdmin.action'),
            width: 220,
            render: (field, row) => (
              <Cell name={[field.name, 'action']}>
                <FormSelect options={WORKFLOW_ACTIONS.map((action) => ({ value: action, label: t(`procedureAdmin.actions.${action}`) }))} aria-label={t('procedureAdmin.actionRow', { row: row + 1 })} />
              </Cell>
            ),
          },
          { key: 'to', title: t('procedureAdmin.toStep'), render: (field, row) => <Cell name={[field.name, 'to']}><FormSelect options={stepOptions} aria-label={t('procedureAdmin.toStepRow', { row: row + 1 })} /></Cell> },
        ]}
      />
    </>
  );
}
