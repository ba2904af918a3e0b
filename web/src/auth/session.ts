import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchMe } from '../api/auth';
import type { Me } from '../api/types';

export const ME_KEY = ['me'] as const;

/** The signed-in user (null when signed out); shared by every page through the query cache. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

export function useSetMe() {
  const client = useQueryClient();
  return (me: Me | null) => {
    client.setQueryData(ME_KEY, me);
    // Signing in or out changes what every other query may see.
    if (me === null) client.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
  };
}

export function hasPermission(me: Me | null | undefined, permission: string): boolean {
  return !!me && me.permissions.includes(permission);
}

/** Where a user goes after signing in: TOTP enrolment first when it is required, citizens to the portal. */
export function homeOf(me: Me): string {
  if (me.mfaEnrolmentRequired) return '/account/security';
  return me.kind === 'citizen' ? '/portal' : '/office';
}
