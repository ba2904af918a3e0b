import { useEffect, useState } from 'react';
import { App, Col, DatePicker, Form, Input, InputNumber, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { UploadedFile } from '../api/dossiers';
import { DocumentProblem, newIdempotencyKey, registerIncoming, type DocumentVocabulary, type IncomingInput } from '../api/documents';
import type { Unit } from '../api/types';
import { FormModal } from '../components/form-modal';
import { FormSelect } from '../components/form-select';
import { FileField } from '../office-dossiers/file-field';
import { UnitSelect } from '../units/unit-select';
import { formatDay } from './days';

interface Values {
  unitId: number;
  typeCode: string;
  subject: string;
  codeNumber: string;
  codeNotation: string;
  organName: string;
  issuedDate: Dayjs;
  signerName?: string;
  urgency: IncomingInput['urgency'];
  confidentiality: IncomingInput['confidentiality'];
  pageAmount?: number | null;
  dueDate?: Dayjs | null;
  mainFile: UploadedFile | null;
}

interface Props {
  open: boolean;
  units: Unit[];
  initialUnitId?: number;
  vocabulary: DocumentVocabulary | undefined;
  onClose: () => void;
}

/**
 * Vào sổ văn bản giấy: the clerk scans a paper document that arrived and registers it in the incoming book (Decree
 * 30/2020 art. 22). A possible duplicate (same number, notation and issuer) asks for confirmation before it is resent.
 */
export function RegisterPaperModal({ open, units, initialUnitId, vocabulary, onClose }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [key, setKey] = useState(newIdempotencyKey);
  useEffect(() => setKey(newIdempotencyKey()), [open]);
  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  const label = (name: string) => t(`documents.field.${name}`);

  const confirmDuplicate = (problem: DocumentProblem) =>
    new Promise<boolean>((resolve) => {
      const list = (problem.duplicates ?? [])
        .map((entry) => t('documents.dialog.duplicateEntry', { number: entry.arrivalNumber ?? '—', date: formatDay(entry.arrivalDate) }))
        .join('; ');
      modal.confirm({
        title: t('documents.dialog.duplicateTitle'),
        content: t('documents.dialog.duplicateText', { list }),
        okText: t('documents.dialog.duplicateConfirm'),
        cancelText: t('common.cancel'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  const submit = async (values: Values) => {
    const input: IncomingInput = {
      unitId: values.unitId,
      typeCode: values.typeCode,
      subject: values.subject.trim(),
      codeNumber: values.codeNumber.trim(),
      codeNotation: values.codeNotation.trim(),
      organName: values.organName.trim(),
      issuedDate: values.issuedDate.format('YYYY-MM-DD'),
      signerName: values.signerName?.trim() || undefined,
      urgency: values.urgency,
      confidentiality: values.confidentiality,
      pageAmount: values.pageAmount ?? undefined,
      dueDate: values.dueDate ? values.dueDate.format('YYYY-MM-DD') : undefined,
      mainFileId: values.mainFile?.id ?? '',
    };
    let registered;
    try {
      registered = await registerIncoming(input, key);
    } catch (error) {
      if (!(error instanceof DocumentProblem) || error.code !== 'DOCUMENT_DUPLICATE') {
        if (error instanceof DocumentProblem && error.status !== 0) setKey(newIdempotencyKey());
        throw error;
      }
      if (!(await confirmDuplicate(error))) return;
      // A confirmed duplicate is another intent: a new key, so the refused attempt is not replayed.
      registered = await registerIncoming({ ...input, confirmDuplicate: true }, newIdempotencyKey());
    }
    void client.invalidateQueries({ queryKey: ['documents'] });
    void message.success(t('documents.paper.done', { number: registered.arrivalNumber ?? '—' }));
    onClose();
    navigate(`/office/documents/${registered.id}`);
  };

  const options = (entries: { code: string; label: string }[] | undefined) => (entries ?? []).map((entry) => ({ value: entry.code, label: entry.label }));
  return (
    <FormModal<Values>
      name="document-paper"
      open={open}
      title={t('documents.paper.title')}
      okText={t('documents.paper.submit')}
      initialValues={{ unitId: initialUnitId, urgency: 'normal', confidentiality: 'normal', mainFile: null }}
      onCancel={onClose}
      onSubmit={submit}
      width={760}
    >
      <Typography.Paragraph type="secondary">{t('documents.paper.help')}</Typography.Paragraph>
      <Form.Item label={label('unit')} name="unitId" rules={[{ required: true, message: t('common.required', { field: label('unit') }) }]}>
        <UnitSelect units={units.filter((unit) => unit.status !== 'merged')} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={label('type')} name="typeCode" rules={[{ required: true, message: t('common.required', { field: label('type') }) }]}>
            <FormSelect showSearch optionFilterProp="label" options={(vocabulary?.types ?? []).map((type) => ({ value: type.code, label: type.name }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={label('organName')} name="organName" rules={required(label('organName'))}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={label('codeNumber')} name="codeNumber" rules={required(label('codeNumber'))}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={label('codeNotation')} name="codeNotation" rules={required(label('codeNotation'))}>
            <Input maxLength={60} placeholder="QĐ-UBND" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={label('issuedDate')} name="issuedDate" rules={[{ required: true, message: t('common.required', { field: label('issuedDate') }) }]}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={label('pageAmount')} name="pageAmount">
            <InputNumber min={1} max={10000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={label('subject')} name="subject" rules={required(label('subject'))}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label={label('signerName')} name="signerName">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label={label('urgency')} name="urgency">
            <FormSelect options={options(vocabulary?.urgencies)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label={label('confidentiality')} name="confidentiality">
            <FormSelect options={options(vocabulary?.confidentialities)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={label('dueDate')} name="dueDate">
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={label('mainFile')} name="mainFile" rules={[{ required: true, message: t('common.required', { field: label('mainFile') }) }]}>
        <FileField />
      </Form.Item>
    </FormModal>
  );
}
