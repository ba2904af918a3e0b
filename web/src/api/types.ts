/** Shapes of the API's answers (the server's TypeBox schemas under src/modules/* are the truth). */

export interface RoleGrant {
  role: string;
  roleLabel?: string;
  unitId: number | null;
  unitName?: string | null;
  includeSubtree: boolean;
}

export interface UnitRef {
  id: number;
  name: string;
  code?: string;
  shortName?: string;
}

export interface Me {
  id: number;
  username: string;
  fullName: string;
  kind: 'official' | 'citizen';
  email: string | null;
  title: string | null;
  unit: UnitRef | null;
  roles: RoleGrant[];
  permissions: string[];
  totpEnabled: boolean;
  mfaEnrolmentRequired: boolean;
  csrfToken: string | null;
  sessionExpiresAt: string;
}

export interface PublicInfo {
  appName: string;
  province: { name: string; code: string; shortName: string } | null;
}

export interface AuthProviders {
  password: boolean;
  oidc: { enabled: boolean; name: string; startUrl: string | null };
}

export interface LoginAnswer {
  user: Me;
  csrfToken: string;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export interface Unit {
  id: number;
  code: string;
  name: string;
  shortName: string;
  type: string;
  parentId: number | null;
  status: string;
  mergedIntoId: number | null;
  userCount: number;
}

/** A row of the user list: no personal data (e-mail, phone, ID number are only in the audited detail). */
export interface UserSummary {
  id: number;
  username: string;
  fullName: string;
  kind: 'official' | 'citizen';
  unitId: number | null;
  unitName: string | null;
  title: string | null;
  status: 'active' | 'disabled';
  totpEnabled: boolean;
  roles: RoleGrant[];
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface RoleInfo {
  code: string;
  label: { vi: string; en: string };
  permissions: string[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: number | null;
  actorUsername: string | null;
  unitId: number | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  requestId?: string | null;
  summary: Record<string, unknown>;
}

export interface MergeResult {
  merged: Unit;
  survivor: Unit;
  movedUsers: number;
  movedGrants: number;
  movedChildren: number;
  movedRecords: Record<string, number>;
}

/** Permission codes of src/platform/auth/roles.ts that the web shell needs. */
export const Permission = {
  UnitRead: 'unit.read',
  UnitManage: 'unit.manage',
  UserRead: 'user.read',
  UserManage: 'user.manage',
  AuditRead: 'audit.read',
  OfficeAccess: 'office.access',
  CalendarManage: 'calendar.manage',
} as const;

export const UNIT_TYPES = ['province', 'department', 'division', 'center', 'commune', 'agency'] as const;
