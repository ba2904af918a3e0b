import { useEffect, useRef, useState } from 'react';
import { App, Button, Card, Checkbox, Form, Input, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { clearOfficeHours, fetchOfficeHours, saveOfficeHours, type OfficeInterval } from '../api/calendar';
import { fetchUnits } from '../api/units';
import { ProblemAlert } from '../components/problem-alert';
import { showProblemOnForm } from '../components/form-problems';
import { UnitSelect } from '../units/unit-select';

interface Values {
  officeHours: OfficeInterval[];
  workingWeekdays: number[];
}

/** Office hours per unit: its own, inherited from the nearest ancestor, or the shipped default. */
export function OfficeHoursCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const units = useQuery({ queryKey: ['units'], queryFn: fetchUnits });
  const [unitId, setUnitId] = useState<number | null>(null);
  const hours = useQuery({ queryKey: ['office-hours', unitId], queryFn: () => fetchOfficeHours(unitId!), enabled: unitId !== null });
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<unknown>(null);

  // The server's hours fill the form once per chosen unit: a background refetch must not undo what the user is editing.
  const appliedFor = useRef<number | null>(null);
  useEffect(() => {
    if (!hours.data || appliedFor.current === unitId) return;
    form.setFieldsValue({ officeHours: hours.data.officeHours, workingWeekdays: hours.data.workingWeekdays });
    appliedFor.current = unitId;
    setProblem(null);
  }, [hours.data, form, unitId]);

  const done = (answer: Awaited<ReturnType<typeof fetchOfficeHours>>) => {
    client.setQueryData(['office-hours', unitId], answer);
    void client.invalidateQueries({ queryKey: ['office-hours'] });
    void message.success(t('common.saved'));
  };

  const submit = async (values: Values) => {
    if (unitId === null) return;
    try {
      done(await saveOfficeHours(unitId, { officeHours: values.officeHours ?? [], workingWeekdays: values.workingWeekdays ?? [] }));
    } catch (error) {
      setProblem(showProblemOnForm(form, error));
    }
  };

  const source = hours.data
    ? hours.data.source === 'default'
      ? t('calendar.sourceDefault')
      : hours.data.source === 'own'
        ? t('calendar.sourceOwn')
        : t('calendar.sourceInherited', { name: hours.data.sourceUnit?.name ?? '' })
    : null;

  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('calendar.hoursTitle')}</Typography.Title>} style={{ marginTop: 24 }}>
      <Space direction="vertical" style={{ width: '100%', maxWidth: 640 }}>
        <label htmlFor="office-hours-unit">{t('calendar.unit')}</label>
        <UnitSelect
          id="office-hours-unit"
          units={(units.data ?? []).filter((u) => u.status === 'active')}
          value={unitId}
          onChange={setUnitId}
          placeholder={t('calendar.pickUnit')}
        />
        <ProblemAlert error={units.error ?? hours.error ?? problem} />
        {hours.data && (
          <>
            <Typography.Text>{source}</Typography.Text>
            <Form<Values> name="office-hours" form={form} layout="vertical" onFinish={(values) => void submit(values)}>
              <Form.List name="officeHours">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, index) => (
                      <Space key={field.key} align="end" wrap style={{ display: 'flex' }}>
                        <Form.Item label={t('calendar.start', { n: index + 1 })} name={[field.name, 'start']}>
                          <Input type="time" />
                        </Form.Item>
                        <Form.Item label={t('calendar.end', { n: index + 1 })} name={[field.name, 'end']}>
                          <Input type="time" />
                        </Form.Item>
                        <Form.Item>
                          <Button onClick={() => remove(field.name)}>{t('calendar.removeInterval', { n: index + 1 })}</Button>
                        </Form.Item>
                      </Space>
                    ))}
                    <Form.Item>
                      <Button onClick={() => add({ start: '', end: '' })}>{t('calendar.addInterval')}</Button>
                    </Form.Item>
                  </>
                )}
              </Form.List>
              <Form.Item label={t('calendar.workingWeekdays')} name="workingWeekdays">
                <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 0].map((d) => ({ value: d, label: t(`calendar.weekdays.${d}`) }))} />
              </Form.Item>
              <Space>
                <Button type="primary" htmlType="submit">
                  {t('calendar.saveHours')}
                </Button>
                {hours.data.source === 'own' && (
                  <Button
                    onClick={async () => {
                      try {
                        done(await clearOfficeHours(unitId!));
                      } catch (error) {
                        setProblem(error);
                      }
                    }}
                  >
                    {t('calendar.inherit')}
                  </Button>
                )}
              </Space>
            </Form>
          </>
        )}
      </Space>
    </Card>
  );
}
