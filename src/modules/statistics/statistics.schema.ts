import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schema-types.js';

const LocalDate = Type.String({ description: 'Ngày theo giờ Việt Nam, yyyy-MM-dd' });
const Month = Type.String({ description: 'Tháng theo giờ Việt Nam, yyyy-MM' });
const Count = Type.Integer({ minimum: 0 });
const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'Tỉ lệ 0..1; null khi không có mẫu số' }));
const UnitRef = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() });

export const ChartCode = { ByUnit: 'byUnit', ByProcedure: 'byProcedure', Trend: 'trend', Channels: 'channels', Payments: 'payments', Documents: 'documents' } as const;
export type ChartCodeValue = (typeof ChartCode)[keyof typeof ChartCode];
export const CHART_CODES = Object.values(ChartCode) as ChartCodeValue[];

export const DashboardQuery = Type.Object(
  {
    unit: Type.Optional(Type.Integer({ minimum: 1, description: 'Mã số (id) đơn vị; mặc định: đơn vị cao nhất trong phạm vi' })),
    from: Type.Optional(Type.String({ description: 'yyyy-MM-dd; mặc định: đầu năm nay' })),
    to: Type.Optional(Type.String({ description: 'yyyy-MM-dd; mặc định: cuối năm nay' })),
  },
  { additionalProperties: false },
);
export type DashboardQuery = Static<typeof DashboardQuery>;

export const DashboardExportQuery = Type.Object(
  {
    unit: Type.Optional(Type.Integer({ minimum: 1 })),
    from: Type.Optional(Type.String()),
    to: Type.Optional(Type.String()),
    chart: Type.Optional(Type.Union(CHART_CODES.map((c) => Type.Literal(c)), { description: 'Một biểu đồ; không có: mỗi biểu đồ một trang tính' })),
  },
  { additionalProperties: false },
);
export type DashboardExportQuery = Static<typeof DashboardExportQuery>;

const UnitRow = Type.Object({
  unit: UnitRef,
  /** True for the row of the unit's own dossiers (not its children's); present only then. */
  own: Type.Optional(Type.Boolean()),
  received: Count,
  finished: Count,
  pending: Count,
  overdue: Count,
  onTime: Count,
  late: Count,
  onTimeRate: Rate,
});

export const Dashboard = Type.Object({
  unit: UnitRef,
  from: LocalDate,
  to: LocalDate,
  totals: Type.Object({
    received: Count,
    finished: Count,
    pending: Count,
    overdue: Count,
    onTime: Count,
    late: Count,
    onTimeRate: Rate,
    onlineShare: Rate,
    paidOnlineShare: Rate,
    satisfaction: Rate,
  }),
  byUnit: Type.Array(UnitRow),
  byProcedure: Type.Array(
    Type.Object({ procedureCode: Type.String(), procedureName: Type.String(), received: Count, finished: Count, pending: Count, onTimeRate: Rate }),
  ),
  trend: Type.Array(Type.Object({ month: Month, received: Count, finished: Count, onTime: Count, late: Count, onTimeRate: Rate })),
  channels: Type.Object({ online: Count, counter: Count, postal: Count }),
  payments: Type.Object({ feeRequired: Count, paid: Count, paidOnline: Count, paidOnlineShare: Rate }),
  satisfaction: Type.Object({ rated: Count, negative: Count, index: Rate }),
  documents: Type.Object({
    trend: Type.Array(Type.Object({ month: Month, incoming: Count, outgoing: Count })),
    overdue: Count,
    overdueByUnit: Type.Array(Type.Object({ unit: UnitRef, own: Type.Optional(Type.Boolean()), count: Count })),
  }),
});
export type Dashboard = Static<typeof Dashboard>;

export const OverdueQuery = Type.Object(
  {
    unit: Type.Optional(Type.Integer({ minimum: 1 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type OverdueQuery = Static<typeof OverdueQuery>;

export const OverdueList = Type.Object({
  total: Count,
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      procedureCode: Type.String(),
      procedureName: Type.String(),
      unit: Type.Object({ id: Type.Integer(), name: Type.String() }),
      status: Type.String(),
      dueAt: Type.String({ description: 'ISO-8601 UTC' }),
      daysLate: Type.Integer({ minimum: 1, description: 'Số ngày (theo lịch) đã quá hạn, làm tròn lên' }),
      currentStep: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
    }),
  ),
});
export type OverdueList = Static<typeof OverdueList>;

export const PublicStatisticsQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ description: 'yyyy-MM-dd; mặc định: đầu năm nay' })),
    to: Type.Optional(Type.String({ description: 'yyyy-MM-dd; mặc định: cuối năm nay' })),
  },
  { additionalProperties: false },
);
export type PublicStatisticsQuery = Static<typeof PublicStatisticsQuery>;

const Score = Nullable(Type.Number({ description: 'Điểm Bộ chỉ số (0..100); null khi không có dữ liệu' }));

export const PublicStatistics = Type.Object({
  from: LocalDate,
  to: LocalDate,
  province: Type.Object({ received: Count, finished: Count, onTimeRate: Rate, onlineShare: Rate, score: Score }),
  months: Type.Array(Type.Object({ month: Month, received: Count, finished: Count, onTimeRate: Rate, onlineShare: Rate })),
  units: Type.Array(Type.Object({ unit: UnitRef, received: Count, finished: Count, onTimeRate: Rate, score: Score })),
});
export type PublicStatistics = Static<typeof PublicStatistics>;
