import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Space, Typography } from 'antd';
import { ArrowLeftOutlined, FileExcelOutlined, FilePdfOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import {
  assignmentFileUrl,
  fetchAssignment,
  ReportPermission,
  saveAssignment,
  submitAssignment,
  type AssignmentDetail,
  type ReportData,
  type ReportProblem,
} from '../api/reports';
import { hasPermission, useMe } from '../auth/session';
import { ErrorPage } from '../components/error-page';
import { LinkButton } from '../components/link-button';
import { PageSpinner } from '../components/page-spinner';
import { ProblemAlert } from '../components/problem-alert';
import { usePageTitle } from '../components/use-page-title';
import { computeFormulas } from '../reports/formulas';
import { HistoryCard } from '../reports/history-card';
import { cellId, cellPath, ReportGrid, type CellValue } from '../reports/report-grid';
import { enteredData, problemsByPath } from '../reports/report-data';
import { formatLocalDate, ReportStatusTag } from '../reports/report-tags';
import { ReviewActions } from '../reports/review-actions';
import '../reports/reports.css';

/** One unit's report in a round: fill and submit it (the unit), or read and review it (the assigning office). */
export function ReportsAssignmentPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useQuery({ queryKey: ['report-assignment', id], queryFn: () => fetchAssignment(id), enabled: valid, retry: false });
  if (!valid) return <ErrorPage notFound />;
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <ErrorPage error={query.error} />;
  const a = query.data;
  return <AssignmentView key={`${a.id}-${a.currentVersion}-${a.status}`} assignment={a} />;
}

function AssignmentView({ assignment: a }: { assignment: AssignmentDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const me = useMe().data;
  const document = a.template.document;
  const [data, setData] = useState<ReportData>(() => structuredClone(a.data ?? {}));
  const [problems, setProblems] = useState<ReportProblem[]>(a.status === 'pending' ? [] : a.problems ?? []);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const computed = useMemo(() => computeFormulas(document, data), [document, data]);
  // The server says what the caller may do now (its own unit's report, or the round's reviewer).
  const editable = a.canEdit;
  const reviewer = a.canReview;
  const backTo = !editable && hasPermission(me, ReportPermission.Manage) ? `/office/reports/rounds/${a.round.id}` : '/office/reports';
  const title = t('reports.fill.pageTitle', { template: a.template.name, period: a.round.periodLabel });
  usePageTitle(title);

  const byPath = problemsByPath(problems);
  const returnComment = a.status === 'returned' ? a.reviewComment ?? [...a.events].reverse().find((event) => event.action === 'returned')?.note : null;

  const change = (row: string, column: string, value: CellValue) => {
    setData((current) => ({ ...current, [row]: { ...current[row], [column]: value } }));
    const path = cellPath(row, column);
    if (byPath.has(path)) setProblems((current) => current.filter((problem) => problem.path !== path));
  };

  const reload = async () => {
    const fresh = await fetchAssignment(a.id);
    client.setQueryData(['report-assignment', a.id], fresh);
    void client.invalidateQueries({ queryKey: ['report-assignments'] });
  };

  const act = async (kind: 'save' | 'submit') => {
    setBusy(kind);
    setFailure(null);
    try {
      const body = { data: enteredData(document, data), expectedVersion: a.currentVersion };
      if (kind === 'save') await saveAssignment(a.id, body);
      else await submitAssignment(a.id, body);
      void message.success(kind === 'save' ? t('reports.fill.saved', { version: a.currentVersion + 1 }) : t('reports.fill.submitted'));
      await reload();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'REPORT_CHANGED') {
        void message.warning(t('reports.fill.changed'));
        await reload();
      } else if (error instanceof ApiError && error.errors.length > 0) {
        setProblems(error.errors);
        const first = error.errors[0]!.path.split('/');
        window.document.getElementById(cellId(first[2] ?? '', first[3] ?? ''))?.focus();
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(null);
    }
  };

  const describe = (path: string) => {
    const [, , rowCode, columnCode] = path.split('/');
    const row = document.rows.find((entry) => entry.code === rowCode);
    const column = document.columns.find((entry) => entry.code === columnCode);
    return row ? `${row.name}${column ? ` — ${column.name}` : ''}` : null;
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={1}>{title}</Typography.Title>
        <LinkButton icon={<ArrowLeftOutlined aria-hidden="true" />} to={backTo}>
          {t('reports.actions.back')}
        </LinkButton>
      </Flex>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'unit', label: t('reports.field.unit'), children: a.unit.name },
            { key: 'period', label: t('reports.field.period'), children: `${formatLocalDate(a.round.periodFrom)} – ${formatLocalDate(a.round.periodTo)}` },
            { key: 'due', label: t('reports.field.dueDate'), children: formatLocalDate(a.round.dueDate) },
            { key: 'status', label: t('reports.field.status'), children: <ReportStatusTag status={a.status} /> },
            { key: 'version', label: t('reports.field.version'), children: a.currentVersion },
            { key: 'code', label: t('reports.field.templateCode'), children: `${a.template.code} (v${a.template.version})` },
          ]}
        />
      </Card>
      {returnComment && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          message={t('reports.fill.returnedTitle')}
          description={t('reports.fill.returnedBy', { comment: returnComment })}
        />
      )}
      {a.status === 'submitted' && !reviewer && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('reports.fill.readOnly')} />}
      {a.status === 'accepted' && <Alert type="success" showIcon style={{ marginBottom: 16 }} message={t('reports.fill.acceptedNote')} />}
      <ProblemAlert error={failure} />
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          message={t('reports.fill.problemsTitle', { count: problems.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problems.map((problem, index) => {
                const where = describe(problem.path);
                return <li key={index}>{where ? `${where}: ${problem.message}` : problem.message}</li>;
              })}
            </ul>
          }
        />
      )}
      <Card>
        <ReportGrid
          document={document}
          data={data}
          computed={editable ? computed : a.computed && Object.keys(a.computed).length > 0 ? a.computed : computed}
          autofilled={a.autofilled}
          problems={byPath}
          editable={editable}
          onChange={change}
          label={t('reports.fill.grid')}
        />
        <Flex gap={8} wrap justify="space-between" style={{ marginTop: 16 }}>
          <Space wrap className="cqs-report-actions">
            {editable && (
              <>
                <Button icon={<SaveOutlined aria-hidden="true" />} loading={busy === 'save'} disabled={busy !== null} onClick={() => void act('save')}>
                  {t('reports.actions.saveDraft')}
                </Button>
                <Popconfirm
                  title={t('reports.actions.submitConfirmTitle')}
                  description={<div style={{ maxWidth: 320 }}>{t('reports.actions.submitConfirmText')}</div>}
                  okText={t('reports.actions.submit')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => act('submit')}
                >
                  <Button type="primary" icon={<SendOutlined aria-hidden="true" />} loading={busy === 'submit'} disabled={busy !== null}>
                    {t('reports.actions.submit')}
                  </Button>
                </Popconfirm>
              </>
            )}
            {reviewer && <ReviewActions assignment={a} onDone={() => void reload()} />}
          </Space>
          <Space wrap>
            <Button icon={<FileExcelOutlined aria-hidden="true" />} href={assignmentFileUrl(a.id, 'xlsx')} download>
              {t('reports.actions.exportExcel')}
            </Button>
            <Button icon={<FilePdfOutlined aria-hidden="true" />} href={assignmentFileUrl(a.id, 'pdf')} target="_blank" rel="noopener">
              {t('reports.actions.exportPdf')}
            </Button>
          </Space>
        </Flex>
      </Card>
      <HistoryCard assignment={a} />
    </>
  );
}
