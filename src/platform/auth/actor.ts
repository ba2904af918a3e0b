import type { RoleCode } from './roles.js';
import type { SessionKindCode } from './sessions.js';

export interface Grant {
  role: RoleCode;
  unitId: number | null;
  includeSubtree: boolean;
}

/** The authenticated caller of a request, resolved from its session cookie or bearer token. */
export interface Actor {
  userId: number;
  username: string;
  fullName: string;
  kind: 'official' | 'citizen';
  unitId: number | null;
  grants: Grant[];
  session: { id: string; kind: SessionKindCode; csrfToken: string | null; expiresAt: string };
  /** True while an account that must use TOTP has not enrolled yet: only enrolment routes are open. */
  mfaEnrolmentRequired: boolean;
}
