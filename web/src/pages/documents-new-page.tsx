import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, Col, DatePicker, Flex, Form, Input, Radio, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { createOutgoing, DocumentProblem, fetchDocument, fetchVocabulary, newIdempotencyKey, type OutgoingInput } from '../api/documents';
import type { UploadedFile } from '../api/dossiers';
import { fetchUnits } from '../api/units';
import { useMe } from '../auth/session';
import { FormSelect } from '../components/form-select';
import { showProblemOnForm } from '../components/form-problems';
import { LinkButton } from '../components/link-button';
import { ProblemAlert } from '../components/problem-alert';
import { usePageTitle } from '../components/use-page-title';
import { documentTitle } from '../documents/document-table';
import { homeUnitId } from '../documents/home-unit';
import { SignerSelect } from '../documents/signer-select';
import { FileField } from '../office-dossiers/file-field';
import { UnitSelect } from '../units/unit-select';

interface Values {
  unitId: number;
  internal: boolean;
  typeCode: string;
  subject: string;
  urgency: OutgoingInput['urgency'];
  confidentiality: OutgoingInput['confidentiality'];
  signerUserId: number;
  recipientUnitIds: number[];
  dueDate?: Dayjs | null;
  mode: 'body' | 'file';
  body?: string;
  file?: UploadedFile | null;
  note?: string;
}

/**
 * Soạn văn bản: a new outgoing (or internal) draft, version 1, typed as text (the server renders the A4 PDF with the
 * national heading) or uploaded as a PDF; `?replyTo=ID` drafts the reply to an incoming document.
 */
export function DocumentsNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const me = useMe().data;
  const replyTo = Number(useSearchParams()[0].get('replyTo')) || undefined;
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  usePageTitle(t(replyTo ? 'documents.draft.replyTitle' : 'documents.draft.title'));
  const vocabulary = useQuery({ queryKey: ['documents-vocabulary'], queryFn: fetchVocabulary, staleTime: 600_000 });
  const units = useQuery({ queryKey: ['units'], queryFn: fetchUnits });
  const original = useQuery({ queryKey: ['document', replyTo], queryFn: () => fetchDocument(replyTo!), enabled: !!replyTo, retry: false });
  const unitId = Form.useWatch('unitId', form);
  const mode = Form.useWatch('mode', form);
  const activeUnits = (units.data ?? []).filter((unit) => unit.status !== 'merged');

  // A reply is issued by the unit that received the document, to the organisation that sent it.
  useEffect(() => {
    const incoming = original.data;
    if (!incoming || !units.data) return;
    const sender = units.data.find((unit) => unit.code === incoming.metadata?.OrganId || unit.name === incoming.organName);
    form.setFieldsValue({
      unitId: incoming.unitId,
      typeCode: 'CV',
      subject: `V/v trả lời ${documentTitle(incoming)}`,
      urgency: incoming.urgency,
      confidentiality: incoming.confidentiality,
      recipientUnitIds: sender ? [sender.id] : [],
    });
  }, [form, original.data, units.data]);

  const submit = async (values: Values) => {
    setBusy(true);
    setProblem(null);
    const input: OutgoingInput = {
      unitId: values.unitId,
      internal: values.internal || undefined,
      typeCode: values.typeCode,
      subject: values.subject.trim(),
      urgency: values.urgency,
      confidentiality: values.confidentiality,
      signerUserId: values.signerUserId,
      recipients: (values.recipientUnitIds ?? []).map((id) => ({ unitId: id })),
      inReplyToId: replyTo,
      dueDate: values.dueDate ? values.dueDate.format('YYYY-MM-DD') : undefined,
      body: values.mode === 'body' ? values.body?.trim() : undefined,
      fileId: values.mode === 'file' ? values.file?.id : undefined,
      note: values.note?.trim() || undefined,
    };
    try {
      const created = await createOutgoing(input, key);
      void client.invalidateQueries({ queryKey: ['documents'] });
      navigate(`/office/documents/${created.id}`);
    } catch (error) {
      if (error instanceof DocumentProblem && error.status !== 0) setKey(newIdempotencyKey());
      setProblem(showProblemOnForm(form, error));
    } finally {
      setBusy(false);
    }
  };

  const label = (name: string) => t(`documents.field.${name}`);
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  const options = (entries: { code: string; label: string }[] | undefined) => (entries ?? []).map((entry) => ({ value: entry.code, label: entry.label }));
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1}>{t(replyTo ? 'documents.draft.replyTitle' : 'documents.draft.title')}</Typography.Title>
      {original.data && (
        <Typography.Paragraph>{t('documents.draft.replyTo', { title: `${documentTitle(original.data)} — ${original.data.subject}` })}</Typography.Paragraph>
      )}
      <Card>
        <ProblemAlert error={problem} />
        <Form<Values>
          name="document-draft"
          form={form}
          layout="vertical"
          requiredMark
          onFinish={(values) => void submit(values)}
          initialValues={{ unitId: homeUnitId(me), internal: false, urgency: 'normal', confidentiality: 'normal', mode: 'body', recipientUnitIds: [] }}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={t('documents.draft.unit')} name="unitId" rules={required(t('documents.draft.unit'))}>
                <UnitSelect units={activeUnits} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={label('type')} name="typeCode" rules={required(label('type'))}>
                <FormSelect showSearch optionFilterProp="label" options={(vocabulary.data?.types ?? []).map((type) => ({ value: type.code, label: type.name }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={label('subject')} name="subject" rules={[{ required: true, whitespace: true, message: t('common.required', { field: label('subject') }) }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label={t('documents.draft.signer')} name="signerUserId" extra={t('documents.draft.signerHelp')} rules={required(t('documents.draft.signer'))}>
                <SignerSelect unitId={unitId} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label={label('urgency')} name="urgency">
                <FormSelect options={options(vocabulary.data?.urgencies)} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label={label('confidentiality')} name="confidentiality">
                <FormSelect options={options(vocabulary.data?.confidentialities)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={label('dueDate')} name="dueDate">
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('documents.draft.recipients')} name="recipientUnitIds" extra={t('documents.draft.recipientsHelp')}>
            <FormSelect<number[]>
              mode="multiple"
              showSearch
              optionFilterProp="label"
              options={activeUnits.filter((unit) => unit.id !== unitId).map((unit) => ({ value: unit.id, label: unit.name }))}
            />
          </Form.Item>
          <Form.Item name="internal" valuePropName="checked">
            <Checkbox>{t('documents.draft.internal')}</Checkbox>
          </Form.Item>
          <Form.Item label={t('documents.draft.contentMode')} name="mode">
            <Radio.Group
              options={[
                { value: 'body', label: t('documents.draft.modeBody') },
                { value: 'file', label: t('documents.draft.modeFile') },
              ]}
            />
          </Form.Item>
          {mode === 'file' ? (
            <Form.Item label={t('documents.draft.file')} name="file" rules={required(t('documents.draft.file'))}>
              <FileField />
            </Form.Item>
          ) : (
            <Form.Item label={t('documents.draft.body')} name="body" rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('documents.draft.body') }) }]}>
              <Input.TextArea rows={12} maxLength={50000} />
            </Form.Item>
          )}
          <Form.Item label={t('documents.draft.note')} name="note">
            <Input maxLength={2000} />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('documents.draft.save')}
            </Button>
            <LinkButton to={replyTo ? `/office/documents/${replyTo}` : '/office/documents'}>{t('documents.draft.cancel')}</LinkButton>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
