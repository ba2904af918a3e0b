import { Card, Result, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ReportPermission } from '../api/reports';
import { hasPermission, useMe } from '../auth/session';
import { usePageTitle } from '../components/use-page-title';
import { AssignmentsTab } from '../reports/assignments-tab';
import { RoundsTab } from '../reports/rounds-tab';
import { TemplatesTab } from '../reports/templates-tab';
import '../reports/reports.css';

type Tab = 'assignments' | 'rounds' | 'templates';

/** Báo cáo định kỳ (Decree 09/2019): the unit's own reports, and for a reporting office its rounds and templates. */
export function ReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.title'));
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const tabs: Tab[] = [
    ...(hasPermission(me, ReportPermission.Submit) ? (['assignments'] as const) : []),
    ...(hasPermission(me, ReportPermission.Manage) ? (['rounds', 'templates'] as const) : []),
  ];
  const wanted = params.get('tab') as Tab | null;
  const tab = wanted && tabs.includes(wanted) ? wanted : tabs[0];
  if (!tab) return <Result status="403" title={<h1 className="cqs-result-title">{t('reports.noAccess')}</h1>} />;
  const content = { assignments: <AssignmentsTab />, rounds: <RoundsTab />, templates: <TemplatesTab /> };
  return (
    <>
      <Typography.Title level={1}>{t('reports.title')}</Typography.Title>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(next) => setParams({ tab: next }, { replace: true })}
          items={tabs.map((key) => ({ key, label: t(`reports.tabs.${key}`), children: key === tab ? content[key] : null }))}
        />
      </Card>
    </>
  );
}
