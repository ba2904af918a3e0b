import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schema-types.js';

export const AuditQuery = Type.Object(
  {
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Hành động, ví dụ unit.create' })),
    entityType: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    entityId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    actorId: Type.Optional(Type.Integer({ minimum: 1 })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Từ thời điểm (ISO-8601, bao gồm)' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Đến thời điểm (ISO-8601, không bao gồm)' })),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditItem = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorId: Nullable(Type.Integer()),
  actorUsername: Nullable(Type.String()),
  unitId: Nullable(Type.Integer()),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  summary: Type.Record(Type.String(), Type.Unknown()),
  hash: Type.String(),
});
export type AuditItem = Static<typeof AuditItem>;

export const AuditPage = Type.Object({ items: Type.Array(AuditItem), total: Type.Integer() });
export type AuditPage = Static<typeof AuditPage>;

export const AuditVerificationResult = Type.Object({
  ok: Type.Boolean(),
  entries: Type.Integer(),
  firstBadSeq: Type.Optional(Type.Integer()),
  problem: Type.Optional(Type.Union(['altered', 'removed', 'reordered', 'truncated'].map((p) => Type.Literal(p)))),
  message: Type.String(),
});
