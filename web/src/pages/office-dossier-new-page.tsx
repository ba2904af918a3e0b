import { useState } from 'react';
import { Alert, Button, Card, Col, Flex, Form, Input, Result, Row, Typography } from 'antd';
import { FormSelect } from '../components/form-select';
import type { ErrorSchema } from '@rjsf/utils';
import { FilePdfOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { dossierFormUrl, fileDossierOnce, newIdempotencyKey, type DossierDetail, type UploadedFile } from '../api/dossiers';
import { LinkButton } from '../components/link-button';
import { ProblemAlert } from '../components/problem-alert';
import { SchemaForm, type SchemaFormData } from '../components/schema-form';
import { namePathOf } from '../components/form-problems';
import { usePageTitle } from '../components/use-page-title';
import { formatDateTime } from '../format/date';
import { FileField } from '../office-dossiers/file-field';
import { formErrorsOf } from '../office-dossiers/form-errors';
import { ProcedurePicker } from '../office-dossiers/procedure-picker';
import { useProcedureVersion } from '../office-dossiers/procedure-version';
import { CounterFilingPayment, filingPaymentOf, type CounterFilingPaymentValues } from '../payments/counter-filing-payment';

interface Values extends CounterFilingPaymentValues {
  procedureCode?: string;
  unitCode?: string;
  applicant: { fullName: string; identityNumber: string; phone?: string; email?: string; address?: string };
  scans?: Record<string, UploadedFile | null | undefined>;
}

function Filed({ dossier, onAnother }: { dossier: DossierDetail; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      title={<h1 className="cqs-result-title">{t('officeDossiers.counter.doneTitle', { code: dossier.code })}</h1>}
      subTitle={
        // Filed without the fee: it waits in fee_due and is received once paid (payments contract), so no appointment yet.
        dossier.status === 'fee_due' ? t('payments.counter.filedUnpaid') : t('officeDossiers.counter.doneText', { due: formatDateTime(dossier.dueAt) })
      }
      extra={[
        <Button key="receipt" type="primary" icon={<FilePdfOutlined aria-hidden="true" />} href={dossierFormUrl(dossier.code, 'receipt')} target="_blank" rel="noopener">
          {t('officeDossiers.counter.openReceipt')}
        </Button>,
        <LinkButton key="open" to={`/office/dossiers/${encodeURIComponent(dossier.code)}`}>
          {t('officeDossiers.counter.openDossier')}
        </LinkButton>,
        <Button key="another" onClick={onAnother}>
          {t('officeDossiers.counter.another')}
        </Button>,
      ]}
    />
  );
}

/**
 * Tiếp nhận trực tiếp: the one-stop officer enters a dossier handed in at the counter (channel `counter`), so it is
 * received at once and the receipt (form 01) can be printed (Decree 61/2018 art. 15).
 */
export function OfficeDossierNewPage() {
  const { t } = useTranslation();
  usePageTitle(t('officeDossiers.counter.title'));
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const procedureCode = Form.useWatch('procedureCode', form);
  const procedure = useProcedureVersion(procedureCode);
  const [formData, setFormData] = useState<SchemaFormData>({});
  const [formErrors, setFormErrors] = useState<ErrorSchema | undefined>();
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [filed, setFiled] = useState<DossierDetail | null>(null);
  // One key per filing intent: a double click or a retry after a lost answer does not file the dossier twice.
  const [key, setKey] = useState(newIdempotencyKey);
  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  const p = procedure.data;

  const reset = () => {
    form.resetFields();
    setFormData({});
    setFormErrors(undefined);
    setProblem(null);
    setFiled(null);
    setKey(newIdempotencyKey());
  };

  const submit = async (data: SchemaFormData) => {
    setProblem(null);
    setFormErrors(undefined);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!values.procedureCode) return;
    const applicant = Object.fromEntries(Object.entries(values.applicant).filter(([, value]) => typeof value === 'string' && value.trim() !== '').map(([name, value]) => [name, (value as string).trim()]));
    setBusy(true);
    try {
      const dossier = await fileDossierOnce(
        {
          procedureCode: values.procedureCode,
          channel: 'counter',
          unitCode: values.unitCode,
          applicant: applicant as Values['applicant'],
          form: data,
          attachments: Object.entries(values.scans ?? {})
            .filter((entry): entry is [string, UploadedFile] => !!entry[1])
            .map(([requirement, file]) => ({ requirement, fileId: file.id })),
          payment: filingPaymentOf(values),
        },
        key,
      );
      void client.invalidateQueries({ queryKey: ['dossiers'] });
      setFiled(dossier);
      window.scrollTo({ top: 0 });
    } catch (error) {
      if (error instanceof ApiError && error.status !== 0) setKey(newIdempotencyKey());
      if (error instanceof ApiError && error.errors.length > 0) {
        setFormErrors(formErrorsOf(error.errors));
        const onFields = error.errors.filter((entry) => entry.path.startsWith('/applicant/') || entry.path === '/unitCode');
        form.setFields(onFields.map((entry) => ({ name: namePathOf(entry.path) as never, errors: [entry.message] })));
      }
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  if (filed) return <Filed dossier={filed} onAnother={reset} />;

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1}>{t('officeDossiers.counter.title')}</Typography.Title>
        <Typography.Paragraph>{t('officeDossiers.counter.intro')}</Typography.Paragraph>
      </div>
      <Form<Values>
        name="counter-filing"
        form={form}
        layout="vertical"
        requiredMark
        onValuesChange={(changed: Partial<Values>) => {
          if ('procedureCode' in changed) {
            setFormData({});
            setFormErrors(undefined);
            form.setFieldsValue({ unitCode: undefined, scans: {}, payNow: false });
          }
        }}
      >
        <Flex vertical gap={16}>
          <Card title={<h2 className="cqs-card-title">{t('officeDossiers.counter.procedure')}</h2>}>
            <Form.Item label={t('officeDossiers.counter.procedure')} name="procedureCode" rules={[{ required: true, message: t('common.required', { field: t('officeDossiers.counter.procedure') }) }]}>
              <ProcedurePicker placeholder={t('officeDossiers.counter.procedurePlaceholder')} />
            </Form.Item>
            {p && (
              <Form.Item
                label={t('officeDossiers.counter.unit')}
                name="unitCode"
                initialValue={p.competentUnits.length === 1 ? p.competentUnits[0].code : undefined}
                rules={[{ required: true, message: t('common.required', { field: t('officeDossiers.counter.unit') }) }]}
              >
                <FormSelect showSearch optionFilterProp="label" options={p.competentUnits.map((unit) => ({ value: unit.code, label: unit.name ?? unit.code }))} />
              </Form.Item>
            )}
          </Card>
          <Card title={<h2 className="cqs-card-title">{t('officeDossiers.counter.applicant')}</h2>}>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item label={t('officeDossiers.detail.fullName')} name={['applicant', 'fullName']} rules={required(t('officeDossiers.detail.fullName'))}>
                  <Input maxLength={200} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={t('officeDossiers.detail.identityNumber')} name={['applicant', 'identityNumber']} rules={required(t('officeDossiers.detail.identityNumber'))}>
                  <Input maxLength={20} autoComplete="off" inputMode="numeric" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={t('officeDossiers.detail.phone')} name={['applicant', 'phone']}>
                  <Input maxLength={20} autoComplete="off" inputMode="tel" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={t('officeDossiers.detail.email')} name={['applicant', 'email']}>
                  <Input maxLength={200} autoComplete="off" type="email" />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item label={t('officeDossiers.detail.address')} name={['applicant', 'address']}>
                  <Input maxLength={500} autoComplete="off" />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          {p && (
            <Card title={<h2 className="cqs-card-title">{t('officeDossiers.counter.documents')}</h2>}>
              <Typography.Paragraph type="secondary">{t('officeDossiers.counter.documentsHelp')}</Typography.Paragraph>
              {p.requirements.map((requirement) => (
                <Form.Item
                  key={requirement.code}
                  label={requirement.name}
                  name={['scans', requirement.code]}
                  rules={requirement.mandatory ? [{ required: true, message: t('common.required', { field: requirement.name }) }] : []}
                >
                  <FileField />
                </Form.Item>
              ))}
            </Card>
          )}
          {p && <CounterFilingPayment procedureCode={p.code} formData={formData} />}
        </Flex>
      </Form>
      <Card title={<h2 className="cqs-card-title">{t('officeDossiers.counter.form')}</h2>}>
        <ProblemAlert error={problem} />
        {p ? (
          <SchemaForm
            key={`${p.code}@${p.version}`}
            idPrefix="counter-form"
            schema={p.form.schema}
            uiSchema={p.form.uiSchema}
            formData={formData}
            onChange={setFormData}
            onSubmit={(data) => void submit(data)}
            extraErrors={formErrors}
            disabled={busy}
            submitText={t('officeDossiers.counter.submit')}
          />
        ) : (
          <Alert type="info" showIcon message={t('officeDossiers.counter.pickProcedureFirst')} />
        )}
      </Card>
    </Flex>
  );
}
