import { createBrowserRouter, RouterProvider } from 'react-router-dom';
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
import { ComingSoonPage } from './pages/coming-soon-page';
import { HomePage } from './pages/home-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { OfficeHomePage } from './pages/office-home-page';
import { PortalPage } from './pages/portal-page';
import { ServicesDetailPage } from './pages/services-detail-page';
import { ServicesPage } from './pages/services-page';
import { UnitsPage } from './pages/units-page';
import { UsersPage } from './pages/users-page';

const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/services', element: <ServicesPage /> },
      { path: '/services/:code', element: <ServicesDetailPage /> },
      { path: '/tracking', element: <ComingSoonPage titleKey="public.tracking" /> },
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
        path: 'calendar',
        element: (
          <RequireAuth permission={Permission.CalendarManage}>
            <CalendarPage />
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
