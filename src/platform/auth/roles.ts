/** Roles of domain.md §2, granted per unit (optionally for the unit's whole subtree). */
export const Role = {
  Admin: 'admin',
  OneStopOfficer: 'one_stop_officer',
  Specialist: 'specialist',
  DivisionHead: 'division_head',
  AgencyLeader: 'agency_leader',
  RecordsClerk: 'records_clerk',
  /** Kế toán: reconciles gateway payments and reports fees collected (issue 5). */
  Accountant: 'accountant',
  /** Cán bộ tổng hợp báo cáo: issues report templates to the units below and reviews what they submit (Decree 09/2019). */
  ReportingOfficer: 'reporting_officer',
  Citizen: 'citizen',
} as const;
export type RoleCode = (typeof Role)[keyof typeof Role];
export const ROLE_CODES = Object.values(Role) as RoleCode[];

export const Permission = {
  UnitRead: 'unit.read',
  UnitManage: 'unit.manage',
  UserRead: 'user.read',
  UserManage: 'user.manage',
  AuditRead: 'audit.read',
  OfficeAccess: 'office.access',
  CalendarManage: 'calendar.manage',
  ProcedureManage: 'procedure.manage',
  /** Read the one-stop dossiers of the unit (handling, receiving or acting on them). */
  DossierRead: 'dossier.read',
  /** File a dossier at the counter on a citizen's behalf (channel 1). */
  DossierFileCounter: 'dossier.file_counter',
  /** Record a fee paid at the counter (cash or bank transfer) for a dossier the unit receives. */
  PaymentCollect: 'payment.collect',
  /** Reconcile the gateway's daily file with the platform's payments; record refunds. */
  PaymentReconcile: 'payment.reconcile',
  /** Reports of fees collected. */
  PaymentReport: 'payment.report',
  /** Read the unit's official documents (not the confidential ones: those need a grant per document). */
  DocumentRead: 'document.read',
  /** Văn thư: books, registering incoming documents, format check, numbering, the seal, issuing, work files. */
  DocumentRegister: 'document.register',
  /** Assign an incoming document to handlers with a deadline. */
  DocumentAssign: 'document.assign',
  /** Draft outgoing documents (replies included). */
  DocumentDraft: 'document.draft',
  /** Sign outgoing documents as the competent signer (người có thẩm quyền ký). */
  DocumentSign: 'document.sign',
  /** Trust list and registered signing credentials. */
  SigningManage: 'signing.manage',
  /** Dashboards and the service index of the units in scope (Decision 766). */
  ReportView: 'report.view',
  /** Report templates, rounds assigned to the units below, review (return or accept) and aggregates (Decree 09/2019). */
  ReportManage: 'report.manage',
  /** Fill, check and submit the unit's own periodic reports. */
  ReportSubmit: 'report.submit',
} as const;
export type PermissionCode = (typeof Permission)[keyof typeof Permission];

const OFFICIAL_BASE: PermissionCode[] = [Permission.OfficeAccess, Permission.UnitRead];

/** Deny by default: a role can do only what is listed here. Later modules extend the lists. */
export const ROLE_PERMISSIONS: Record<RoleCode, PermissionCode[]> = {
  admin: [...OFFICIAL_BASE, Permission.UnitManage, Permission.UserRead, Permission.UserManage, Permission.AuditRead, Permission.CalendarManage, Permission.ProcedureManage, Permission.SigningManage],
  one_stop_officer: [...OFFICIAL_BASE, Permission.DossierRead, Permission.DossierFileCounter, Permission.PaymentCollect],
  // Specialists see the documents they handle, draft or review (by involvement), not the whole unit's.
  specialist: [...OFFICIAL_BASE, Permission.DossierRead, Permission.DocumentDraft],
  division_head: [...OFFICIAL_BASE, Permission.UserRead, Permission.DossierRead, Permission.DocumentRead, Permission.DocumentAssign, Permission.DocumentDraft, Permission.DocumentSign, Permission.ReportView],
  agency_leader: [...OFFICIAL_BASE, Permission.UserRead, Permission.DossierRead, Permission.PaymentReport, Permission.DocumentRead, Permission.DocumentAssign, Permission.DocumentDraft, Permission.DocumentSign, Permission.ReportView, Permission.ReportSubmit],
  records_clerk: [...OFFICIAL_BASE, Permission.UserRead, Permission.DossierRead, Permission.DocumentRead, Permission.DocumentRegister],
  accountant: [...OFFICIAL_BASE, Permission.PaymentReconcile, Permission.PaymentReport],
  reporting_officer: [...OFFICIAL_BASE, Permission.ReportView, Permission.ReportManage, Permission.ReportSubmit],
  citizen: [],
};

/** Roles whose holders must use a second factor (TOTP) — Decree 85/2016 level 3: MFA for administrators. */
export const MFA_REQUIRED_ROLES: RoleCode[] = [Role.Admin];

export const ROLE_LABELS: Record<RoleCode, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  one_stop_officer: { vi: 'Cán bộ một cửa', en: 'One-stop officer' },
  specialist: { vi: 'Chuyên viên', en: 'Specialist' },
  division_head: { vi: 'Lãnh đạo phòng', en: 'Head of division' },
  agency_leader: { vi: 'Lãnh đạo đơn vị', en: 'Agency leader' },
  records_clerk: { vi: 'Văn thư', en: 'Records clerk' },
  accountant: { vi: 'Kế toán', en: 'Accountant' },
  reporting_officer: { vi: 'Cán bộ tổng hợp báo cáo', en: 'Reporting officer' },
  citizen: { vi: 'Công dân, doanh nghiệp', en: 'Citizen or business' },
};

export function isRole(value: string): value is RoleCode {
  return (ROLE_CODES as string[]).includes(value);
}
