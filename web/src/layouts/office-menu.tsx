import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FileDoneOutlined,
  FolderOpenOutlined,
  FundOutlined,
  HomeOutlined,
  ProfileOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PROCEDURE_MANAGE } from '../api/procedures';
import { PAYMENT_RECONCILE, PAYMENT_REPORT } from '../api/accountant';
import { Permission, type Me } from '../api/types';
import { SIGNING_MANAGE } from '../api/signing';
import { DocumentPermission } from '../api/documents';
import { REPORT_VIEW } from '../api/statistics';
import { ReportPermission } from '../api/reports';

interface Entry {
  path: string;
  labelKey: string;
  icon: React.ReactNode;
  /** Role-based navigation: an entry shows only to holders of this permission. */
  permission?: string;
  /** Or: shown to holders of any of these permissions. */
  anyOf?: string[];
}

const ENTRIES: Entry[] = [
  { path: '/office', labelKey: 'shell.workspace', icon: <HomeOutlined /> },
  { path: '/office/dossiers', labelKey: 'dossier.menu', icon: <FolderOpenOutlined />, permission: Permission.OfficeAccess },
  {
    path: '/office/documents',
    labelKey: 'documents.menu',
    icon: <FileDoneOutlined />,
    anyOf: [DocumentPermission.Read, DocumentPermission.Draft, DocumentPermission.Register],
  },
  {
    path: '/office/reports',
    labelKey: 'reports.menu',
    icon: <ProfileOutlined />,
    anyOf: [ReportPermission.Manage, ReportPermission.Submit],
  },
  { path: '/office/dashboard', labelKey: 'statistics.menu.dashboard', icon: <DashboardOutlined />, permission: REPORT_VIEW },
  { path: '/office/service-index', labelKey: 'statistics.menu.serviceIndex', icon: <FundOutlined />, permission: REPORT_VIEW },
  { path: '/office/units', labelKey: 'shell.units', icon: <ApartmentOutlined />, permission: Permission.UnitManage },
  { path: '/office/users', labelKey: 'shell.users', icon: <TeamOutlined />, permission: Permission.UserRead },
  { path: '/office/audit', labelKey: 'shell.audit', icon: <AuditOutlined />, permission: Permission.AuditRead },
  { path: '/office/calendar', labelKey: 'shell.calendar', icon: <CalendarOutlined />, permission: Permission.CalendarManage },
  { path: '/office/procedures', labelKey: 'shell.procedures', icon: <FileTextOutlined />, permission: PROCEDURE_MANAGE },
  { path: '/office/signing', labelKey: 'signing.menu', icon: <SafetyCertificateOutlined />, permission: SIGNING_MANAGE },
  { path: '/office/payments/reconciliation', labelKey: 'accountant.menu.reconciliation', icon: <ReconciliationOutlined />, permission: PAYMENT_RECONCILE },
  { path: '/office/payments/reports', labelKey: 'accountant.menu.reports', icon: <BarChartOutlined />, permission: PAYMENT_REPORT },
];

export function officeEntriesFor(me: Me): Entry[] {
  return ENTRIES.filter(
    (entry) =>
      (!entry.permission || me.permissions.includes(entry.permission)) &&
      (!entry.anyOf || entry.anyOf.some((permission) => me.permissions.includes(permission))),
  );
}

export function OfficeMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const entries = officeEntriesFor(me);
  const selected = [...entries].reverse().find((entry) => pathname === entry.path || pathname.startsWith(entry.path + '/'));
  const items: MenuProps['items'] = entries.map((entry) => ({ key: entry.path, icon: entry.icon, label: t(entry.labelKey) }));
  return (
    <nav aria-label={t('shell.menu')}>
      <Menu
        theme="dark"
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected.path] : []}
        onClick={({ key }) => navigate(key)}
      />
    </nav>
  );
}
