import { Button, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Space, Typography } from 'antd';
import type { FormInstance, FormListFieldData, FormListOperation } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AGGREGATES, REPORT_REGIMES, ROW_TYPES, type ReportSource, type ReportTemplateDocument, type ReportRegime } from '../api/reports';
import { FormSelect } from '../components/form-select';
import { unknownNames } from './formulas';

export interface TemplateValues {
  code: string;
  name: string;
  regime: ReportRegime;
  document: ReportTemplateDocument;
}

/** Row and column codes are names in filtrex formulas (server: ^[a-zA-Z][a-zA-Z0-9_]{0,19}$). */
const CODE = /^[A-Za-z][A-Za-z0-9_]{0,19}$/;
const TEMPLATE_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

interface Props {
  form: FormInstance<TemplateValues>;
  sources: ReportSource[];
  /** The code of a saved template does not change (rounds and exports name it). */
  codeLocked: boolean;
}

/** Buttons that reorder or remove one entry of a list (rows keep the order the report shows them in). */
function EntryTools({ index, count, move, remove, what }: { index: number; count: number; move: FormListOperation['move']; remove: FormListOperation['remove']; what: string }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Button size="small" icon={<ArrowUpOutlined aria-hidden="true" />} aria-label={`${t('reports.editor.moveUp')}: ${what}`} disabled={index === 0} onClick={() => move(index, index - 1)} />
      <Button size="small" icon={<ArrowDownOutlined aria-hidden="true" />} aria-label={`${t('reports.editor.moveDown')}: ${what}`} disabled={index === count - 1} onClick={() => move(index, index + 1)} />
      <Button size="small" danger icon={<DeleteOutlined aria-hidden="true" />} aria-label={`${t('reports.editor.remove')}: ${what}`} disabled={count === 1} onClick={() => remove(index)} />
    </Space>
  );
}

/** The form of a report template: general data, columns, indicator rows (type, unit, checks, formula, source, aggregation) and rules. */
export function TemplateForm({ form, sources, codeLocked }: Props) {
  const { t, i18n } = useTranslation();
  const e = (key: string, options?: Record<string, unknown>) => t(`reports.editor.${key}`, options);
  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  const rowCodes = (): string[] => ((form.getFieldValue(['document', 'rows']) ?? []) as { code?: string }[]).map((row) => row.code ?? '');

  const codeRules = (list: 'rows' | 'columns') => [
    ...required(t('reports.field.code')),
    { pattern: CODE, message: e('codePattern') },
    {
      validator: async (_: unknown, value: string | undefined) => {
        const codes = ((form.getFieldValue(['document', list]) ?? []) as { code?: string }[]).map((entry) => entry.code);
        if (value && codes.filter((code) => code === value).length > 1) throw new Error(e('duplicateCode'));
      },
    },
  ];
  const expressionRule = {
    validator: async (_: unknown, value: string | undefined) => {
      if (!value?.trim()) return;
      const unknown = unknownNames(value, rowCodes());
      if (unknown === null) throw new Error(e('badExpression'));
      if (unknown.length > 0) throw new Error(e('unknownRows', { names: unknown.join(', ') }));
    },
  };
  const language = i18n.language === 'en' ? 'en' : 'vi';

  const rowBlock = (field: FormListFieldData, index: number, count: number, ops: FormListOperation) => {
    const what = e('rowLabel', { index: index + 1 });
    return (
      <fieldset key={field.key} className="cqs-template-block" aria-label={what}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Text strong>{what}</Typography.Text>
          <EntryTools index={index} count={count} move={ops.move} remove={ops.remove} what={what} />
        </Flex>
        <Row gutter={12}>
          <Col xs={8} md={3}>
            <Form.Item label={t('reports.field.code')} name={[field.name, 'code']} rules={codeRules('rows')}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={16} md={9}>
            <Form.Item label={t('reports.field.indicator')} name={[field.name, 'name']} rules={required(t('reports.field.indicator'))}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={e('unit')} name={[field.name, 'unit']}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={e('type')} name={[field.name, 'type']} rules={required(e('type'))}>
              <FormSelect options={ROW_TYPES.map((type) => ({ value: type, label: t(`reports.rowType.${type}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item label={e('aggregate')} name={[field.name, 'aggregate']}>
              <FormSelect allowClear options={AGGREGATES.map((aggregate) => ({ value: aggregate, label: t(`reports.aggregate.${aggregate}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={3}>
            <Form.Item label={e('min')} name={[field.name, 'min']}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={3}>
            <Form.Item label={e('max')} name={[field.name, 'max']}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={e('formula')} name={[field.name, 'formula']} rules={[expressionRule]} extra={e('formulaHelp')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={e('source')} name={[field.name, 'source']}>
              <FormSelect
                allowClear
                placeholder={e('noSource')}
                options={sources.map((source) => ({ value: source.code, label: source.name[language] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item label={e('required')} name={[field.name, 'required']} valuePropName="checked">
              <Checkbox>{e('required')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </fieldset>
    );
  };

  return (
    <>
      <Typography.Title level={2}>{e('general')}</Typography.Title>
      <Row gutter={12}>
        <Col xs={24} md={6}>
          <Form.Item
            label={t('reports.field.templateCode')}
            name="code"
            rules={[...required(t('reports.field.templateCode')), { pattern: TEMPLATE_CODE, message: e('templateCodePattern') }]}
            extra={e('templateCodeHelp')}
          >
            <Input maxLength={40} disabled={codeLocked} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('reports.field.templateName')} name="name" rules={required(t('reports.field.templateName'))}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={t('reports.field.regime')} name="regime" rules={required(t('reports.field.regime'))}>
            <FormSelect options={REPORT_REGIMES.map((regime) => ({ value: regime, label: t(`reports.regime.${regime}`) }))} />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={2}>{e('columns')}</Typography.Title>
      <Form.List name={['document', 'columns']} rules={[{ validator: async (_, value?: unknown[]) => { if (!value?.length) throw new Error(e('needColumn')); } }]}>
        {(fields, ops, { errors }) => (
          <>
            {fields.map((field, index) => {
              const what = e('columnLabel', { index: index + 1 });
              return (
                <fieldset key={field.key} className="cqs-template-block" aria-label={what}>
                  <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
                    <Typography.Text strong>{what}</Typography.Text>
                    <EntryTools index={index} count={fields.length} move={ops.move} remove={ops.remove} what={what} />
                  </Flex>
                  <Row gutter={12}>
                    <Col xs={8} md={4}>
                      <Form.Item label={t('reports.field.code')} name={[field.name, 'code']} rules={codeRules('columns')}>
                        <Input maxLength={20} />
                      </Form.Item>
                    </Col>
                    <Col xs={16} md={12}>
                      <Form.Item label={t('reports.field.name')} name={[field.name, 'name']} rules={required(t('reports.field.name'))}>
                        <Input maxLength={200} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item label={e('type')} name={[field.name, 'type']}>
                        <FormSelect options={(['number', 'text'] as const).map((type) => ({ value: type, label: t(`reports.columnType.${type}`) }))} />
                      </Form.Item>
                    </Col>
                  </Row>
                </fieldset>
              );
            })}
            <Form.ErrorList errors={errors} />
            <Button icon={<PlusOutlined aria-hidden="true" />} onClick={() => ops.add({ code: `c${fields.length + 1}`, name: '', type: 'number' })} style={{ marginBottom: 16 }}>
              {e('addColumn')}
            </Button>
          </>
        )}
      </Form.List>

      <Typography.Title level={2}>{e('rows')}</Typography.Title>
      <Form.List name={['document', 'rows']} rules={[{ validator: async (_, value?: unknown[]) => { if (!value?.length) throw new Error(e('needRow')); } }]}>
        {(fields, ops, { errors }) => (
          <>
            {fields.map((field, index) => rowBlock(field, index, fields.length, ops))}
            <Form.ErrorList errors={errors} />
            <Button icon={<PlusOutlined aria-hidden="true" />} onClick={() => ops.add({ code: `r${fields.length + 1}`, name: '', unit: '', type: 'integer' })} style={{ marginBottom: 16 }}>
              {e('addRow')}
            </Button>
          </>
        )}
      </Form.List>

      <Typography.Title level={2}>{e('rules')}</Typography.Title>
      <Form.List name={['document', 'rules']}>
        {(fields, ops) => (
          <>
            {fields.map((field, index) => {
              const what = e('ruleLabel', { index: index + 1 });
              return (
                <fieldset key={field.key} className="cqs-template-block" aria-label={what}>
                  <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
                    <Typography.Text strong>{what}</Typography.Text>
                    <Button size="small" danger icon={<DeleteOutlined aria-hidden="true" />} aria-label={`${e('remove')}: ${what}`} onClick={() => ops.remove(index)} />
                  </Flex>
                  <Row gutter={12}>
                    <Col xs={24} md={8}>
                      <Form.Item label={e('expression')} name={[field.name, 'expression']} rules={[...required(e('expression')), expressionRule]} extra={e('expressionHelp')}>
                        <Input maxLength={500} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item label={e('messageVi')} name={[field.name, 'message', 'vi']} rules={required(e('messageVi'))}>
                        <Input maxLength={300} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item label={e('messageEn')} name={[field.name, 'message', 'en']} rules={required(e('messageEn'))}>
                        <Input maxLength={300} />
                      </Form.Item>
                    </Col>
                  </Row>
                </fieldset>
              );
            })}
            <Button icon={<PlusOutlined aria-hidden="true" />} onClick={() => ops.add({ expression: '', message: { vi: '', en: '' } })} style={{ marginBottom: 16 }}>
              {e('addRule')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

/** The document as the API takes it: empty optional fields left out (the schema allows no extra or empty values). */
export function cleanDocument(document: ReportTemplateDocument): ReportTemplateDocument {
  const text = (value: string | undefined) => value?.trim() || undefined;
  const defined = <T extends object>(entry: T): T => Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined && value !== null && value !== '')) as T;
  const rules = (document.rules ?? []).map((rule) => ({ expression: rule.expression.trim(), message: { vi: rule.message.vi.trim(), en: rule.message.en.trim() } }));
  return {
    columns: document.columns.map((column) => defined({ code: column.code.trim(), name: column.name.trim(), type: column.type })),
    rows: document.rows.map((row) =>
      defined({
        code: row.code.trim(),
        name: row.name.trim(),
        type: row.type,
        required: row.required || undefined,
        min: row.min,
        max: row.max,
        formula: text(row.formula),
        source: row.source,
        aggregate: row.aggregate,
      }),
    ).map((row, index) => ({ ...row, unit: document.rows[index]?.unit?.trim() ?? '' })),
    ...(rules.length > 0 ? { rules } : {}),
  };
}
