import { useEffect, useState } from 'react';
import { App, Button, Card, Flex, Form, List, Popconfirm, Space, Typography } from 'antd';
import { ArrowLeftOutlined, SaveOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { createTemplate, fetchReportSources, fetchTemplate, retireTemplate, updateTemplate, type TemplateDetail } from '../api/reports';
import { ErrorPage } from '../components/error-page';
import { showProblemOnForm } from '../components/form-problems';
import { LinkButton } from '../components/link-button';
import { PageSpinner } from '../components/page-spinner';
import { ProblemAlert } from '../components/problem-alert';
import { usePageTitle } from '../components/use-page-title';
import { formatDateTime } from '../format/date';
import { ReportStatusTag } from '../reports/report-tags';
import { cleanDocument, TemplateForm, type TemplateValues } from '../reports/template-form';
import '../reports/reports.css';

const NEW_TEMPLATE: TemplateValues = {
  code: '',
  name: '',
  regime: 'monthly',
  document: { columns: [{ code: 'c1', name: 'Kỳ này', type: 'number' }], rows: [{ code: 'r1', name: '', unit: '', type: 'integer' }], rules: [] },
};

/** Tạo / sửa mẫu báo cáo: each save of an existing template makes a new version; rounds keep the version they were issued with. */
export function ReportsTemplatePage() {
  const param = useParams().id;
  const id = param === undefined ? undefined : Number(param);
  const query = useQuery({ queryKey: ['report-template', id], queryFn: () => fetchTemplate(id!), enabled: id !== undefined && Number.isInteger(id), retry: false });
  if (id !== undefined && !Number.isInteger(id)) return <ErrorPage notFound />;
  if (id !== undefined && query.isPending) return <PageSpinner />;
  if (query.error instanceof ApiError && query.error.status === 404) return <ErrorPage notFound />;
  if (query.isError) return <ErrorPage error={query.error} />;
  return <TemplateEditor key={query.data ? `${query.data.id}-${query.data.version}` : 'new'} template={query.data} />;
}

function TemplateEditor({ template }: { template?: TemplateDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<TemplateValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const sources = useQuery({ queryKey: ['report-sources'], queryFn: fetchReportSources, staleTime: 600_000 });
  const title = template ? t('reports.editor.editTitle', { code: template.code }) : t('reports.editor.newTitle');
  usePageTitle(title);
  useEffect(() => {
    form.setFieldsValue(template ? { code: template.code, name: template.name, regime: template.regime, document: { rules: [], ...template.document } } : NEW_TEMPLATE);
  }, [form, template]);

  const save = async (values: TemplateValues) => {
    setBusy(true);
    try {
      const document = cleanDocument(values.document);
      if (template) {
        const saved = await updateTemplate(template.id, { name: values.name.trim(), regime: values.regime, document, expectedVersion: template.version });
        void message.success(t('reports.editor.saved', { version: saved.version }));
        client.setQueryData(['report-template', template.id], saved);
      } else {
        const created = await createTemplate({ code: values.code.trim(), name: values.name.trim(), regime: values.regime, document });
        void message.success(t('reports.editor.created'));
        navigate(`/office/reports/templates/${created.id}`, { replace: true });
      }
      void client.invalidateQueries({ queryKey: ['report-templates'] });
      setProblem(null);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'REPORT_CHANGED' && template) {
        void message.warning(t('reports.editor.changed'));
        void client.invalidateQueries({ queryKey: ['report-template', template.id] });
        return;
      }
      setProblem(showProblemOnForm(form, error));
    } finally {
      setBusy(false);
    }
  };

  const retire = async () => {
    if (!template) return;
    try {
      const retired = await retireTemplate(template.id);
      client.setQueryData(['report-template', template.id], retired);
      void client.invalidateQueries({ queryKey: ['report-templates'] });
    } catch (error) {
      setProblem(error);
    }
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={1}>{title}</Typography.Title>
        <LinkButton icon={<ArrowLeftOutlined aria-hidden="true" />} to="/office/reports?tab=templates">
          {t('reports.actions.back')}
        </LinkButton>
      </Flex>
      {template && (
        <Space wrap style={{ marginBottom: 12 }}>
          <ReportStatusTag status={template.status} />
          <Typography.Text>
            {t('reports.field.version')}: {template.version}
          </Typography.Text>
        </Space>
      )}
      <Card>
        <ProblemAlert error={problem} />
        <Form<TemplateValues> form={form} name="report-template" layout="vertical" requiredMark onFinish={save} scrollToFirstError>
          <TemplateForm form={form} sources={sources.data ?? []} codeLocked={!!template} />
          <Flex gap={8} wrap className="cqs-report-actions">
            <Button type="primary" htmlType="submit" loading={busy} icon={<SaveOutlined aria-hidden="true" />}>
              {t('common.save')}
            </Button>
            {template && template.status !== 'retired' && (
              <Popconfirm title={t('reports.actions.retireConfirm')} okText={t('reports.actions.retire')} cancelText={t('common.cancel')} onConfirm={retire}>
                <Button danger icon={<StopOutlined aria-hidden="true" />}>
                  {t('reports.actions.retire')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        </Form>
      </Card>
      {template && template.versions.length > 0 && (
        <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>{t('reports.editor.versions')}</Typography.Title>} style={{ marginTop: 16 }}>
          <List
            size="small"
            dataSource={[...template.versions].sort((a, b) => b.version - a.version)}
            renderItem={(version) => (
              <List.Item>
                {t('reports.field.version')} {version.version} — {formatDateTime(version.createdAt)}
                {version.createdBy !== null && version.createdBy !== undefined && typeof version.createdBy === 'string' ? ` — ${version.createdBy}` : ''}
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}

