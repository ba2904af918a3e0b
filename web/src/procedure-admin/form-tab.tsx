import { useMemo, useState } from 'react';
import { Alert, Card, Col, Form, Input, Row, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { SchemaForm, type SchemaFormData } from '../components/schema-form';
import { parseJsonObject } from './editor-values';

/** Form rule: the text must be a JSON object (`optional` lets the UI schema stay empty). */
function useJsonRule(optional: boolean): Rule {
  const { t } = useTranslation();
  return {
    validator: async (_, text: string | undefined) => {
      if (optional && !text?.trim()) return;
      const { error } = parseJsonObject(text ?? '');
      if (error === 'notObject') throw new Error(t('procedureAdmin.jsonNotObject'));
      if (error) throw new Error(t('procedureAdmin.jsonInvalid', { reason: error }));
    },
  };
}

/** Tờ khai: the application form's JSON Schema and UI schema, edited as text beside the form they draw. */
export function FormTab() {
  const { t } = useTranslation();
  const schemaText: string = Form.useWatch('formSchemaText') ?? '';
  const uiSchemaText: string = Form.useWatch('formUiSchemaText') ?? '';
  const [sample, setSample] = useState<SchemaFormData>({});
  const [checked, setChecked] = useState(false);
  const schema = useMemo(() => parseJsonObject(schemaText), [schemaText]);
  const uiSchema = useMemo(() => (uiSchemaText.trim() ? parseJsonObject(uiSchemaText) : { value: undefined }), [uiSchemaText]);
  const schemaRule = useJsonRule(false);
  const uiSchemaRule = useJsonRule(true);
  const parseProblem = schema.error ?? uiSchema.error;

  return (
    <Row gutter={24}>
      <Col xs={24} lg={12}>
        <Form.Item name="formSchemaText" label={t('procedureAdmin.formSchema')} extra={t('procedureAdmin.formSchemaHelp')} rules={[schemaRule]} validateFirst>
          <Input.TextArea className="cqs-json-editor" autoSize={{ minRows: 18, maxRows: 40 }} spellCheck={false} />
        </Form.Item>
        <Form.Item name="formUiSchemaText" label={t('procedureAdmin.formUiSchema')} extra={t('procedureAdmin.formUiSchemaHelp')} rules={[uiSchemaRule]}>
          <Input.TextArea className="cqs-json-editor" autoSize={{ minRows: 6, maxRows: 20 }} spellCheck={false} />
        </Form.Item>
      </Col>
      <Col xs={24} lg={12}>
        <Card
          title={
            <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
              {t('procedureAdmin.preview')}
            </Typography.Title>
          }
        >
          <section aria-label={t('procedureAdmin.preview')}>
            {parseProblem ? (
              <Alert type="warning" showIcon message={t('procedureAdmin.previewWaiting')} description={parseProblem === 'notObject' ? t('procedureAdmin.jsonNotObject') : parseProblem} />
            ) : (
              <>
                <Typography.Paragraph type="secondary">{t('procedureAdmin.previewHelp')}</Typography.Paragraph>
                <SchemaForm
                  schema={schema.value ?? {}}
                  uiSchema={uiSchema.value}
                  formData={sample}
                  onChange={setSample}
                  onSubmit={() => setChecked(true)}
                  idPrefix="preview"
                  submitText={t('procedureAdmin.previewCheck')}
                />
                {checked && <Alert type="success" showIcon message={t('procedureAdmin.previewValid')} style={{ marginTop: 16 }} closable onClose={() => setChecked(false)} />}
              </>
            )}
          </section>
        </Card>
      </Col>
    </Row>
  );
}
