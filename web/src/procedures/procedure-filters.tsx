import { useEffect } from 'react';
import { Button, Col, Form, Input, Row, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchProcedures, ONLINE_LEVELS, PROCEDURE_LEVELS, type ProcedureQuery } from '../api/procedures';

interface Values {
  q?: string;
  field?: string;
  level?: ProcedureQuery['level'];
  onlineLevel?: ProcedureQuery['onlineLevel'];
}

/**
 * The catalogue has no list of fields of its own yet: the options are the fields of the first 100
 * active procedures (the server's largest page), enough for a province's demo catalogue.
 */
function useFieldOptions() {
  const all = useQuery({ queryKey: ['procedure-fields'], queryFn: () => fetchProcedures({ pageSize: 100 }), staleTime: 5 * 60_000 });
  const fields = [...new Set((all.data?.items ?? []).map((item) => item.field))].sort((a, b) => a.localeCompare(b, 'vi'));
  return fields.map((field) => ({ value: field, label: field }));
}

export function ProcedureFilters({ query, onChange }: { query: ProcedureQuery; onChange: (next: ProcedureQuery) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const fieldOptions = useFieldOptions();
  // Back and Forward change the address: the form shows the search being displayed.
  useEffect(() => {
    form.setFieldsValue({ q: query.q ?? '', field: query.field, level: query.level, onlineLevel: query.onlineLevel });
  }, [form, query.q, query.field, query.level, query.onlineLevel]);
  const apply = (changed: Partial<Values>) => onChange({ ...query, ...form.getFieldsValue(), ...changed, page: 1 });

  return (
    <Form<Values> form={form} name="procedure-search" layout="vertical" colon={false} onFinish={() => apply({})}>
      <Row gutter={16}>
        <Col xs={24}>
          <Form.Item label={t('procedures.searchLabel')} name="q">
            {/* Diacritics are folded by the server: "dang ky khai sinh" finds "Đăng ký khai sinh". */}
            <Input.Search
              placeholder={t('procedures.searchPlaceholder')}
              allowClear
              enterButton={t('common.search')}
              size="large"
              onSearch={(q) => apply({ q })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item label={t('procedures.field')} name="field">
            <Select allowClear showSearch placeholder={t('procedures.allFields')} options={fieldOptions} onChange={(field?: string) => apply({ field })} />
          </Form.Item>
        </Col>
        <Col xs={24} md={7}>
          <Form.Item label={t('procedures.level')} name="level">
            <Select
              allowClear
              placeholder={t('procedures.allLevels')}
              options={PROCEDURE_LEVELS.map((level) => ({ value: level, label: t(`procedures.levels.${level}`) }))}
              onChange={(level?: Values['level']) => apply({ level })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={7}>
          <Form.Item label={t('procedures.onlineLevel')} name="onlineLevel">
            <Select
              allowClear
              placeholder={t('procedures.allOnlineLevels')}
              options={ONLINE_LEVELS.map((level) => ({ value: level, label: t(`procedures.onlineLevels.${level}`) }))}
              onChange={(onlineLevel?: Values['onlineLevel']) => apply({ onlineLevel })}
            />
          </Form.Item>
        </Col>
      </Row>
      {(query.q || query.field || query.level || query.onlineLevel) && (
        <Button onClick={() => onChange({ page: 1 })}>{t('procedures.clear')}</Button>
      )}
    </Form>
  );
}
