import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { uploadGatewayFile, type ReconciliationRunDetail } from '../api/accountant';

interface Values {
  date: Dayjs;
}

/** The gateway's daily CSV and the day it covers; a refused file lists its bad rows as the server named them. */
export function ReconciliationUploadCard({ onDone }: { onDone: (run: ReconciliationRunDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ date }: Values) => {
    if (!file) {
      setProblem(new Error(t('accountant.reconciliation.fileRequired')));
      return;
    }
    setBusy(true);
    try {
      const run = await uploadGatewayFile(date.format('YYYY-MM-DD'), file);
      setProblem(null);
      const matched = run.matched;
      void message.success(t('accountant.reconciliation.done', { date: date.format('DD/MM/YYYY'), matched, items: run.items.length }));
      onDone(run);
    } catch (error) {
      setProblem(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setBusy(false);
    }
  };

  const rowProblems = problem instanceof ApiError ? problem.errors : [];
  return (
    <Card title={t('accountant.reconciliation.uploadTitle')}>
      <Typography.Paragraph type="secondary">{t('accountant.reconciliation.intro')}</Typography.Paragraph>
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          message={rowProblems.length > 0 ? t('accountant.reconciliation.rowProblems') : problem.message}
          description={
            rowProblems.length > 0 ? (
              <ul className="cqs-row-problems">
                {rowProblems.map((p) => (
                  <li key={p.path}>
                    <code>{p.path}</code> — {p.message}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Form<Values>
        name="reconciliation-upload"
        form={form}
        layout="inline"
        colon={false}
        initialValues={{ date: dayjs().subtract(1, 'day') }}
        onFinish={submit}
      >
        <Form.Item label={t('accountant.reconciliation.date')} name="date" rules={[{ required: true, message: t('accountant.reconciliation.dateRequired') }]}>
          <DatePicker format="DD/MM/YYYY" allowClear={false} />
        </Form.Item>
        <Form.Item label={t('accountant.reconciliation.file')} required>
          <Upload
            accept=".csv,text/csv"
            maxCount={1}
            beforeUpload={(chosen) => {
              setFile(chosen);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'gateway-file', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined aria-hidden="true" />}>{t('accountant.reconciliation.chooseFile')}</Button>
          </Upload>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('accountant.reconciliation.submit')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
