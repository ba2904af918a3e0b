import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { PROCEDURE_MANAGE } from './api/procedures';
import { Permission } from './api/types';
import { RequireAuth } from './auth/require-auth';
import { AccountLayout } from './layouts/account-layout';
import { OfficeLayout } from './layouts/office-layout';
import { PublicLayout } from './layouts/public-layout';
import { AccountSecurityPage } from './pages/account-security-page';
import { AuditPage } from './pages/audit-page';
import { CalendarPage } from './pages/calendar-page';
import { OfficeDossierNewPage } from './pages/office-dossier-new-page';
import { OfficeDossierPage } from './pages/office-dossier-page';
import { OfficeDossiersPage } from './pages/office-dossiers-page';
import { HomePage } from './pages/home-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { OfficeHomePage } from './pages/office-home-page';
import { PortalPage } from './pages/portal-page';
import { FilingPage } from './pages/filing-page';
import { MyDossiersPage } from './pages/my-dossiers-page';
import { PortalDossierPage } from './pages/portal-dossier-page';
import { PortalNotificationsPage } from './pages/portal-notifications-page';
import { PortalPaymentReturnPage } from './pages/portal-payment-return-page';
import { TrackingPage } from './pages/tracking-page';
import { ProcedureAdminEditPage } from './pages/procedure-admin-edit-page';
import { ProcedureAdminListPage } from './pages/procedure-admin-list-page';
import { ServicesDetailPage } from './pages/services-detail-page';
import { ServicesPage } from './pages/services-page';
import { UnitsPage } from './pages/units-page';
import { UsersPage } from './pages/users-page';
import { PAYMENT_RECONCILE, PAYMENT_REPORT } from './api/accountant';
import { PaymentReconciliationPage } from './pages/payment-reconciliation-page';
import { FeeReportPage } from './pages/fee-report-page';
import { SignatureVerifyPage } from './pages/signature-verify-page';
import { SigningAdminPage } from './pages/signing-admin-page';
import { SIGNING_MANAGE } from './api/signing';
import { DocumentsPage } from './pages/documents-page';
import { DocumentsNewPage } from './pages/documents-new-page';
import { DocumentsDetailPage } from './pages/documents-detail-page';
import { DashboardPage } from './pages/dashboard-page';
import { ServiceIndexPage } from './pages/service-index-page';
import { PublicStatisticsPage } from './pages/public-statistics-page';
import { REPORT_VIEW } from './api/statistics';
import { ReportsPage } from './pages/reports-page';
import { ReportsTemplatePage } from './pages/reports-template-page';
import { ReportsRoundPage } from './pages/reports-round-page';
import { ReportsAssignmentPage } from './pages/reports-assignment-page';
import { ReportPermission } from './api/reports';

const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/services', element: <ServicesPage /> },
      { path: '/services/:code', element: <ServicesDetailPage /> },
      {
        path: '/services/:code/file',
        element: (
          <RequireAuth>
            <FilingPage />
          </RequireAuth>
        ),
      },
      { path: '/tracking', element: <TrackingPage /> },
      { path: '/tracking/:code', element: <TrackingPage /> },
      { path: '/verify', element: <SignatureVerifyPage /> },
      { path: '/statistics', element: <PublicStatisticsPage /> },
      {
        path: '/portal/dossiers',
        element: (
          <RequireAuth>
            <MyDossiersPage />
          </RequireAuth>
        ),
      },
      {
        path: '/portal/dossiers/:code',
        element: (
          <RequireAuth>
            <PortalDossierPage />
          </RequireAuth>
        ),
      },
      {
        path: '/portal/payments/return',
        element: (
          <RequireAuth>
            <PortalPaymentReturnPage />
          </RequireAuth>
        ),
      },
      {
        path: '/portal/notifications',
        element: (
          <RequireAuth>
            <PortalNotificationsPage />
          </RequireAuth>
        ),
      },
      {
        path: '/portal',
        element: (
          <RequireAuth>
            <PortalPage />
          </RequireAuth>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/account',
    element: (
      <RequireAuth>
        <AccountLayout />
      </RequireAuth>
    ),
    children: [{ path: 'security', element: <AccountSecurityPage /> }],
  },
  {
    path: '/office',
    element: (
      <RequireAuth permission={Permission.OfficeAccess}>
        <OfficeLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <OfficeHomePage /> },
      { path: 'dossiers', element: <OfficeDossiersPage /> },
      { path: 'dossiers/new', element: <OfficeDossierNewPage /> },
      { path: 'dossiers/:code', element: <OfficeDossierPage /> },
      { path: 'documents', element: <DocumentsPage /> },
      { path: 'documents/new', element: <DocumentsNewPage /> },
      { path: 'documents/:id', element: <DocumentsDetailPage /> },
      {
        path: 'dashboard',
        element: (
          <RequireAuth permission={REPORT_VIEW}>
            <DashboardPage />
          </RequireAuth>
        ),
      },
      {
        path: 'service-index',
        element: (
          <RequireAuth permission={REPORT_VIEW}>
            <ServiceIndexPage />
          </RequireAuth>
        ),
      },
      { path: 'reports', element: <ReportsPage /> },
      {
        path: 'reports/templates/new',
        element: (
          <RequireAuth permission={ReportPermission.Manage}>
            <ReportsTemplatePage />
          </RequireAuth>
        ),
      },
      {
        path: 'reports/templates/:id',
        element: (
          <RequireAuth permission={ReportPermission.Manage}>
            <ReportsTemplatePage />
          </RequireAuth>
        ),
      },
      {
        path: 'reports/rounds/:id',
        element: (
          <RequireAuth permission={ReportPermission.Manage}>
            <ReportsRoundPage />
          </RequireAuth>
        ),
      },
      { path: 'reports/assignments/:id', element: <ReportsAssignmentPage /> },
      {
        path: 'units',
        element: (
          <RequireAuth permission={Permission.UnitManage}>
            <UnitsPage />
          </RequireAuth>
        ),
      },
      {
        path: 'users',
        element: (
          <RequireAuth permission={Permission.UserRead}>
            <UsersPage />
          </RequireAuth>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequireAuth permission={Permission.AuditRead}>
            <AuditPage />
          </RequireAuth>
        ),
      },
      {
        path: 'payments/reconciliation',
        element: (
          <RequireAuth permission={PAYMENT_RECONCILE}>
            <PaymentReconciliationPage />
          </RequireAuth>
        ),
      },
      {
        path: 'payments/reports',
        element: (
          <RequireAuth permission={PAYMENT_REPORT}>
            <FeeReportPage />
          </RequireAuth>
        ),
      },
      {
        path: 'signing',
        element: (
          <RequireAuth permission={SIGNING_MANAGE}>
            <SigningAdminPage />
          </RequireAuth>
        ),
      },
      {
        path: 'calendar',
        element: (
          <RequireAuth permission={Permission.CalendarManage}>
            <CalendarPage />
          </RequireAuth>
        ),
      },
      {
        path: 'procedures',
        element: (
          <RequireAuth permission={PROCEDURE_MANAGE}>
            <ProcedureAdminListPage />
          </RequireAuth>
        ),
      },
      {
        path: 'procedures/new',
        element: (
          <RequireAuth permission={PROCEDURE_MANAGE}>
            <ProcedureAdminEditPage />
          </RequireAuth>
        ),
      },
      {
        path: 'procedures/:code/edit',
        element: (
          <RequireAuth permission={PROCEDURE_MANAGE}>
            <ProcedureAdminEditPage />
          </RequireAuth>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function AppRoutes() {
  return <RouterProvider router={router} />;
}
