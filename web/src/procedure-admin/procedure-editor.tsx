import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Popconfirm, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldProblem } from '../api/client';
import { createProcedure, documentOf, retireProcedure, updateProcedure, type ProcedureVersion } from '../api/procedures';
import type { RoleInfo, Unit } from '../api/types';
import { ProblemAlert } from '../components/problem-alert';
import { blankValues, editorNamePath, FORM_TAB_FIELDS, toDocument, toEditorValues, type EditorValues } from './editor-values';
import { FormTab } from './form-tab';
import { GeneralTab } from './general-tab';
import { placeProblems } from './place-problems';
import { WorkflowTab } from './workflow-tab';

type TabKey = 'general' | 'form' | 'workflow';

const tabOf = (name: (string | number)[] | string): TabKey => {
  const first = String(Array.isArray(name) ? name[0] : name);
  if (FORM_TAB_FIELDS.includes(first)) return 'form';
  return first === 'workflow' ? 'workflow' : 'general';
};

interface Props {
  /** The current version when editing; none for a new procedure. */
  current?: ProcedureVersion;
  units: Unit[];
  roles: RoleInfo[];
  /** The version the page opened with was just saved by the previous screen (after creating). */
  savedVersion?: number;
  onSaved: (saved: ProcedureVersion, created: boolean) => void;
}

/** One editor for new and existing procedures: every save is a new version; nothing is overwritten. */
export function ProcedureEditor({ current, units, roles, savedVersion, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditorValues>();
  const [tab, setTab] = useState<TabKey>('general');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [listed, setListed] = useState<FieldProblem[]>([]);
  const [saved, setSaved] = useState<string | null>(savedVersion ? t('procedureAdmin.savedVersion', { version: savedVersion }) : null);
  const editing = !!current;
  const retired = current?.status === 'retired';

  const showProblem = (error: unknown) => {
    setProblem(error);
    if (!(error instanceof ApiError)) return setListed([]);
    const { placed, unplaced } = placeProblems(form, error.errors);
    // All of them above the tabs too: a field error on another tab would otherwise go unseen.
    setListed(error.errors);
    const first = placed[0] ?? (unplaced[0] ? editorNamePath(unplaced[0].path) : undefined);
    if (first) setTab(tabOf(first));
  };

  const save = async () => {
    setSaved(null);
    try {
      await form.validateFields();
    } catch (invalid) {
      const first = (invalid as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) setTab(tabOf(first.name));
      return;
    }
    setBusy(true);
    try {
      const document = toDocument(form.getFieldsValue(true) as EditorValues, current?.status);
      const result = current ? await updateProcedure(current.code, document) : await createProcedure(document);
      setProblem(null);
      setListed([]);
      // A new procedure moves to its edit page, which tells of the saved version itself.
      if (current) setSaved(t('procedureAdmin.savedVersion', { version: result.version }));
      onSaved(result, !current);
    } catch (error) {
      showProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const retire = async () => {
    if (!current) return;
    setSaved(null);
    try {
      const result = await retireProcedure(current.code);
      setProblem(null);
      setSaved(t('procedureAdmin.retiredVersion', { version: result.version }));
      onSaved(result, false);
    } catch (error) {
      showProblem(error);
    }
  };

  const tabLabel = (key: TabKey) => t(`procedureAdmin.tabs.${key}`);
  return (
    // component={false}: no <form> element, so the preview's own <form> (rjsf) is not nested in another form.
    <Form<EditorValues>
      name="procedure-editor"
      form={form}
      component={false}
      layout="vertical"
      initialValues={current ? toEditorValues(documentOf(current)) : blankValues()}
      onValuesChange={() => setSaved(null)}
    >
      {saved && <Alert type="success" showIcon role="status" message={saved} style={{ marginBottom: 16 }} />}
      <ProblemAlert error={problem} />
      {listed.length > 0 && (
        <ul className="cqs-field-problems" aria-label={t('procedureAdmin.problemList')}>
          {listed.map((p) => (
            <li key={p.path + p.message}>
              {t(`procedureAdmin.tabs.${tabOf(editorNamePath(p.path))}`)} — {p.message}
            </li>
          ))}
        </ul>
      )}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as TabKey)}
          items={(['general', 'form', 'workflow'] as TabKey[]).map((key) => ({
            key,
            label: tabLabel(key),
            // Every tab stays mounted, so its fields are saved and can show the server's errors while hidden.
            forceRender: true,
            children: key === 'general' ? <GeneralTab editing={editing} units={units} /> : key === 'form' ? <FormTab /> : <WorkflowTab roles={roles} units={units} />,
          }))}
        />
        <Flex gap={12} wrap className="cqs-editor-actions">
          <Button type="primary" loading={busy} onClick={() => void save()}>
            {editing ? t('procedureAdmin.saveVersion') : t('procedureAdmin.create')}
          </Button>
          {editing && !retired && (
            <Popconfirm
              title={t('procedureAdmin.retireConfirm', { name: current.name })}
              description={t('procedureAdmin.retireHelp')}
              okText={t('procedureAdmin.retire')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => retire()}
            >
              <Button danger>{t('procedureAdmin.retire')}</Button>
            </Popconfirm>
          )}
        </Flex>
      </Card>
    </Form>
  );
}
