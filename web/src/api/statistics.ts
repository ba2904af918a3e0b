import { get, queryString } from './client';

/** Dashboards and the service index of the units in scope (src/platform/auth/roles.ts). */
export const REPORT_VIEW = 'report.view';

export interface StatUnit {
  id: number;
  code: string;
  name: string;
}

/** A period of whole local months: `from` and `to` are `yyyy-MM-dd` (contract: issue 6, reporting-api.md). */
export interface Period {
  from: string;
  to: string;
}

export interface DashboardQuery extends Period {
  unit?: number;
}

export interface UnitFigures {
  unit: StatUnit;
  /** The row of the unit's own dossiers, beside its children's rows (present only then). */
  own?: boolean;
  received: number;
  finished: number;
  pending: number;
  overdue: number;
  onTime: number;
  late: number;
  onTimeRate: number | null;
}

export interface ProcedureFigures {
  procedureCode: string;
  procedureName: string;
  received: number;
  finished: number;
  pending: number;
  onTimeRate: number | null;
}

export interface TrendMonth {
  month: string;
  received: number;
  finished: number;
  onTime: number;
  late: number;
  onTimeRate: number | null;
}

export interface Dashboard extends Period {
  unit: StatUnit;
  totals: {
    received: number;
    finished: number;
    pending: number;
    overdue: number;
    onTime: number;
    late: number;
    onTimeRate: number | null;
    onlineShare: number | null;
    paidOnlineShare: number | null;
    satisfaction: number | null;
  };
  byUnit: UnitFigures[];
  byProcedure: ProcedureFigures[];
  trend: TrendMonth[];
  channels: { online: number; counter: number; postal: number };
  payments: { feeRequired: number; paid: number; paidOnline: number; paidOnlineShare: number | null };
  satisfaction: { rated: number; negative: number; index: number | null };
  documents: {
    trend: { month: string; incoming: number; outgoing: number }[];
    overdue: number;
    overdueByUnit: { unit: StatUnit; own?: boolean; count: number }[];
  };
}

/** The charts B's workbook endpoint exports one by one (without `chart`: one sheet each). */
export type DashboardChart = 'byUnit' | 'byProcedure' | 'trend' | 'channels' | 'payments' | 'documents';

export interface OverdueDossier {
  code: string;
  procedureCode: string;
  procedureName: string;
  unit: { id: number; name: string };
  status: string;
  dueAt: string;
  daysLate: number;
  currentStep: { code: string; name: string } | null;
}

export interface OverduePage {
  total: number;
  page: number;
  pageSize: number;
  items: OverdueDossier[];
}

export interface IndicatorResult {
  code: string;
  name: string;
  group: string;
  points: number;
  threshold: number;
  numerator: number;
  denominator: number;
  value: number | null;
  score: number | null;
  noData: boolean;
}

export interface GroupResult {
  code: string;
  name: string;
  weight: number;
  score: number | null;
  indicators: IndicatorResult[];
}

export interface ServiceIndex extends Period {
  unit: StatUnit;
  configVersion: number;
  score: number | null;
  groups: GroupResult[];
  children: { unit: StatUnit; score: number | null }[];
}

/** A dossier behind an indicator, or a procedure for the indicators counted over the catalogue (basis 'procedures'). */
export interface ExplainItem {
  dossierCode: string | null;
  procedureCode: string;
  procedureName: string;
  unit: { id: number; name: string } | null;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  counted: boolean;
  reason: string;
}

export interface ExplainPage {
  indicator: { code: string; name: string };
  total: number;
  page: number;
  pageSize: number;
  items: ExplainItem[];
}

export interface PublicStatistics extends Period {
  province: { received: number; finished: number; onTimeRate: number | null; onlineShare: number | null; score: number | null };
  months: { month: string; received: number; finished: number; onTimeRate: number | null; onlineShare: number | null }[];
  units: { unit: StatUnit; received: number; finished: number; onTimeRate: number | null; score: number | null }[];
}

export const fetchDashboard = (query: DashboardQuery) => get<Dashboard>(`/api/statistics/dashboard${queryString({ ...query })}`);

/** The address of the Excel workbook of one chart (or of all of them): a plain link, the browser downloads it. */
export const dashboardWorkbookPath = (query: DashboardQuery, chart?: DashboardChart) =>
  `/api/statistics/dashboard.xlsx${queryString({ ...query, chart })}`;

export const fetchOverdue = (unit: number, page: number, pageSize: number) =>
  get<OverduePage>(`/api/statistics/overdue${queryString({ unit, page, pageSize })}`);

export const fetchServiceIndex = (query: DashboardQuery & { procedure?: string }) =>
  get<ServiceIndex>(`/api/service-index${queryString({ ...query })}`);

export const fetchIndicatorExplain = (query: DashboardQuery & { explain: string; page: number; pageSize: number }) =>
  get<ExplainPage>(`/api/service-index${queryString({ ...query })}`);

export const fetchPublicStatistics = (period?: Period) => get<PublicStatistics>(`/api/public/statistics${queryString({ ...period })}`);
