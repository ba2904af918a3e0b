import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schema-types.js';

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Instant = Type.String({ description: 'ISO-8601 UTC' });
const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Ngày theo giờ Việt Nam, yyyy-MM-dd' });
const Vnd = Type.Integer({ description: 'Số tiền (đồng)' });

/** What a reconciliation item says about one transaction reference. */
export const ReconciliationItemKind = {
  /** The gateway took the money but the platform has no payment for that day. */
  MissingOnPlatform: 'missing_on_platform',
  /** The platform recorded a gateway payment that the gateway's file does not list. */
  MissingAtGateway: 'missing_at_gateway',
  AmountMismatch: 'amount_mismatch',
} as const;
export type ReconciliationItemKindCode = (typeof ReconciliationItemKind)[keyof typeof ReconciliationItemKind];

export const ReconciliationItemStatus = { Open: 'open', Resolved: 'resolved' } as const;

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export type IdParams = Static<typeof IdParams>;

export const ReconciliationItem = Type.Object({
  id: Type.Integer(),
  runId: Type.Integer(),
  kind: literals(Object.values(ReconciliationItemKind)),
  txnRef: Type.String(),
  gatewayAmountVnd: Nullable(Vnd),
  platformAmountVnd: Nullable(Vnd),
  /** The file's row as read (txn_ref, transaction_no, amount_vnd, bank_code, pay_date, status). */
  gatewayRow: Nullable(Type.Record(Type.String(), Type.String())),
  paymentId: Nullable(Type.Integer()),
  receiptNo: Nullable(Type.String()),
  status: literals(Object.values(ReconciliationItemStatus)),
  resolutionNote: Nullable(Type.String()),
  resolvedBy: Nullable(Type.String()),
  resolvedAt: Nullable(Instant),
});
export type ReconciliationItem = Static<typeof ReconciliationItem>;

export const ReconciliationRun = Type.Object({
  id: Type.Integer(),
  gatewayDate: LocalDate,
  fileName: Type.String(),
  fileSha256: Type.String(),
  /** Successful transactions of that date in the gateway's file. */
  gatewayRows: Type.Integer(),
  /** Gateway payments the platform recorded on that date. */
  platformRows: Type.Integer(),
  matched: Type.Integer(),
  importedBy: Type.String(),
  importedAt: Instant,
  openItems: Type.Integer(),
  totalItems: Type.Integer(),
});
export type ReconciliationRun = Static<typeof ReconciliationRun>;

export const ReconciliationRunDetail = Type.Composite([ReconciliationRun, Type.Object({ items: Type.Array(ReconciliationItem) })]);
export type ReconciliationRunDetail = Static<typeof ReconciliationRunDetail>;

export const ReconciliationRunList = Type.Object({ items: Type.Array(ReconciliationRun) });
export type ReconciliationRunList = Static<typeof ReconciliationRunList>;

export const ResolveItemBody = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 1000, description: 'Cách đã xử lý chênh lệch' }) },
  { additionalProperties: false },
);
export type ResolveItemBody = Static<typeof ResolveItemBody>;

export const RefundBody = Type.Object(
  {
    amountVnd: Type.Integer({ minimum: 1, description: 'Số tiền hoàn trả (đồng)' }),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
    reference: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Số chứng từ hoàn tiền' })),
  },
  { additionalProperties: false },
);
export type RefundBody = Static<typeof RefundBody>;

export const Refund = Type.Object({
  id: Type.Integer(),
  paymentId: Type.Integer(),
  amountVnd: Vnd,
  reason: Type.String(),
  reference: Nullable(Type.String()),
  refundedAt: Instant,
  recordedBy: Type.String(),
});
export type Refund = Static<typeof Refund>;

/** A payment as the accountant sees it: no payer's personal data, only the money and where it belongs. */
export const PaymentDetail = Type.Object({
  id: Type.Integer(),
  dossierCode: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  unit: Type.Object({ id: Type.Integer(), name: Type.String() }),
  channel: Type.String(),
  status: Type.String(),
  amountVnd: Vnd,
  receiptNo: Type.String(),
  txnRef: Nullable(Type.String()),
  reference: Nullable(Type.String()),
  paidAt: Instant,
  refundedVnd: Vnd,
  refundableVnd: Vnd,
  refunds: Type.Array(Refund),
});
export type PaymentDetail = Static<typeof PaymentDetail>;

export const ReportGroupBy = { Unit: 'unit', Procedure: 'procedure', Channel: 'channel', Day: 'day' } as const;
export type ReportGroupByCode = (typeof ReportGroupBy)[keyof typeof ReportGroupBy];
const GroupBy = Type.Union([
  Type.Literal(ReportGroupBy.Unit),
  Type.Literal(ReportGroupBy.Procedure),
  Type.Literal(ReportGroupBy.Channel),
  Type.Literal(ReportGroupBy.Day),
]);

export const CollectedReportQuery = Type.Object(
  {
    from: LocalDate,
    to: LocalDate,
    groupBy: Type.Optional(GroupBy),
    unit: Type.Optional(Type.Integer({ minimum: 1, description: 'Chỉ đơn vị này và các đơn vị trực thuộc' })),
  },
  { additionalProperties: false },
);
export type CollectedReportQuery = Static<typeof CollectedReportQuery>;

export const CollectedReportRow = Type.Object({
  key: Type.String(),
  label: Type.String(),
  count: Type.Integer(),
  amountVnd: Vnd,
  refundedVnd: Vnd,
  netVnd: Vnd,
});
export type CollectedReportRow = Static<typeof CollectedReportRow>;

export const CollectedReport = Type.Object({
  from: LocalDate,
  to: LocalDate,
  groupBy: GroupBy,
  rows: Type.Array(CollectedReportRow),
  count: Type.Integer(),
  /** Collected before refunds. */
  totalVnd: Vnd,
  refundedVnd: Vnd,
  netVnd: Vnd,
});
export type CollectedReport = Static<typeof CollectedReport>;
