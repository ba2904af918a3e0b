import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { hasPermission, useMe } from './session';
import { PageSpinner } from '../components/page-spinner';
import { ErrorPage } from '../components/error-page';

interface Props {
  children: ReactNode;
  /** Deny by default: without this permission the page answers "not found", like the API does. */
  permission?: string;
}

/** Signed-in users only; administrators without TOTP are sent to enrol first (Decree 85/2016 level 3). */
export function RequireAuth({ children, permission }: Props) {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <PageSpinner />;
  if (me.isError) return <ErrorPage error={me.error} />;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (me.data.mfaEnrolmentRequired && location.pathname !== '/account/security') {
    return <Navigate to="/account/security" replace />;
  }
  if (permission && !hasPermission(me.data, permission)) return <ErrorPage notFound />;
  return <>{children}</>;
}
