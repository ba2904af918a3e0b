import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schema-types.js';
import { ServiceIndexConfig } from './service-index.config.js';

const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Ngày (yyyy-MM-dd, giờ Việt Nam)' });

export const ServiceIndexQuery = Type.Object(
  {
    unit: Type.Optional(Type.Integer({ minimum: 1, description: 'Mã số (id) đơn vị; mặc định: tỉnh' })),
    from: Type.Optional(LocalDate),
    to: Type.Optional(LocalDate),
    procedure: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Mã thủ tục' })),
    explain: Type.Optional(Type.String({ minLength: 1, maxLength: 10, description: 'Mã chỉ tiêu cần giải trình, ví dụ 2.1 (cần đăng nhập)' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type ServiceIndexQuery = Static<typeof ServiceIndexQuery>;

const UnitRef = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() });
const IndicatorResult = Type.Object({
  code: Type.String(),
  name: Type.String(),
  group: Type.String(),
  points: Type.Number(),
  threshold: Type.Number(),
  numerator: Type.Number(),
  denominator: Type.Number(),
  value: Nullable(Type.Number()),
  score: Nullable(Type.Number()),
  noData: Type.Boolean(),
});
const GroupResult = Type.Object({ code: Type.String(), name: Type.String(), weight: Type.Number(), score: Nullable(Type.Number()), indicators: Type.Array(IndicatorResult) });

export const ServiceIndexResponse = Type.Object({
  unit: UnitRef,
  from: Type.String(),
  to: Type.String(),
  configVersion: Type.Integer(),
  score: Nullable(Type.Number()),
  groups: Type.Array(GroupResult),
  children: Type.Array(Type.Object({ unit: UnitRef, score: Nullable(Type.Number()) })),
});

export const ExplainResponse = Type.Object({
  indicator: Type.Object({ code: Type.String(), name: Type.String() }),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(
    Type.Object({
      dossierCode: Nullable(Type.String()),
      procedureCode: Type.String(),
      procedureName: Type.String(),
      unit: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
      receivedAt: Nullable(Type.String()),
      dueAt: Nullable(Type.String()),
      finishedAt: Nullable(Type.String()),
      counted: Type.Boolean(),
      reason: Type.String(),
    }),
  ),
});

export const ConfigResponse = Type.Object({ version: Type.Integer(), document: ServiceIndexConfig, note: Nullable(Type.String()), createdAt: Nullable(Type.String()) });
export const ConfigVersionsResponse = Type.Object({
  items: Type.Array(Type.Object({ version: Type.Integer(), note: Nullable(Type.String()), createdAt: Type.String(), createdBy: Nullable(Type.String()) })),
});
export const UpdateConfigBody = Type.Object(
  { document: ServiceIndexConfig, note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export type UpdateConfigBody = Static<typeof UpdateConfigBody>;
