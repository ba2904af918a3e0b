import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schema-types.js';

/*
 * Periodic reports under Decree 09/2019 (domain.md §8; contract /work/notes/reporting-api.md §D).
 * The template document is a table of indicators: rows × columns. It is validated with Ajv on save
 * (validate-template.ts) beyond what this schema says: unique codes, formulas that compile with filtrex and
 * reference only existing rows without cycles, known sources, min ≤ max.
 */

const Instant = Type.String({ description: 'ISO-8601 UTC' });
const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'yyyy-MM-dd (giờ Việt Nam)' });
/** Row and column codes are identifiers usable in filtrex formulas and rules. */
const Code = Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_]{0,19}$', description: 'Mã dòng/cột: chữ cái đầu, chữ số, _ (≤ 20 ký tự)' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const REPORT_REGIMES = ['monthly', 'quarterly', 'half_yearly', 'yearly', 'thematic', 'ad_hoc'] as const;
export type ReportRegime = (typeof REPORT_REGIMES)[number];
export const ReportRegimeSchema = Type.Union(REPORT_REGIMES.map((r) => Type.Literal(r)), {
  description: 'Chế độ báo cáo: tháng, quý, 6 tháng, năm, chuyên đề, đột xuất',
});

export const ROW_TYPES = ['integer', 'number', 'percent', 'text'] as const;
export type ReportRowType = (typeof ROW_TYPES)[number];
export const AGGREGATES = ['sum', 'average', 'min', 'max', 'formula', 'none'] as const;
export type ReportAggregate = (typeof AGGREGATES)[number];

export const REPORT_SOURCES = [
  'dossiers.received',
  'dossiers.finished',
  'dossiers.finished_on_time',
  'dossiers.finished_late',
  'dossiers.on_time_rate',
  'dossiers.received_online',
  'dossiers.pending_end',
  'payments.amount_vnd',
  'documents.incoming',
  'documents.outgoing',
] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];

export const ReportColumnSchema = Type.Object(
  {
    code: Code,
    name: Text(200),
    type: Type.Optional(Type.Union([Type.Literal('number'), Type.Literal('text')], { description: 'Mặc định number' })),
  },
  { additionalProperties: false },
);
export type ReportColumn = Static<typeof ReportColumnSchema>;

export const ReportRowSchema = Type.Object(
  {
    code: Code,
    name: Text(500),
    /** Unit of measure shown in the table and exports (đơn vị tính), e.g. "hồ sơ", "%". */
    unit: Type.Optional(Type.String({ maxLength: 50 })),
    type: Type.Union(ROW_TYPES.map((t) => Type.Literal(t))),
    required: Type.Optional(Type.Boolean()),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    /** filtrex expression over row codes of the same column; the row is read-only and computed by the server. */
    formula: Type.Optional(Text(500)),
    /** Filled automatically from the platform for the unit's subtree and the round's period (first column). */
    source: Type.Optional(Type.Union(REPORT_SOURCES.map((s) => Type.Literal(s)))),
    /** How the row aggregates up the unit tree; default sum for numbers, none for text. */
    aggregate: Type.Optional(Type.Union(AGGREGATES.map((a) => Type.Literal(a)))),
  },
  { additionalProperties: false },
);
export type ReportRow = Static<typeof ReportRowSchema>;

export const LocalizedText = Type.Object({ vi: Text(500), en: Text(500) }, { additionalProperties: false });

export const ReportRuleSchema = Type.Object(
  {
    /** filtrex boolean expression over row codes, checked in every number column. */
    expression: Text(500),
    message: LocalizedText,
  },
  { additionalProperties: false },
);
export type ReportRule = Static<typeof ReportRuleSchema>;

export const ReportTemplateDocument = Type.Object(
  {
    columns: Type.Array(ReportColumnSchema, { minItems: 1, maxItems: 20 }),
    rows: Type.Array(ReportRowSchema, { minItems: 1, maxItems: 300 }),
    rules: Type.Optional(Type.Array(ReportRuleSchema, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export type ReportTemplateDocument = Static<typeof ReportTemplateDocument>;

/** A cell: a number, a text (text rows/columns), or null (empty). */
export const ReportCell = Nullable(Type.Union([Type.Number(), Type.String({ maxLength: 2000 })]));
export type ReportCell = Static<typeof ReportCell>;
/** Figures of a report: { [rowCode]: { [columnCode]: cell } }. */
export const ReportData = Type.Record(Type.String(), Type.Record(Type.String(), ReportCell));
export type ReportData = Static<typeof ReportData>;

// ——— Sources ———
export const ReportSourceInfo = Type.Object({
  code: Type.String(),
  name: Type.Object({ vi: Type.String(), en: Type.String() }),
  unit: Type.String(),
  type: Type.Union(ROW_TYPES.map((t) => Type.Literal(t))),
});
export const ReportSourceList = Type.Object({ items: Type.Array(ReportSourceInfo) });
export type ReportSourceList = Static<typeof ReportSourceList>;

// ——— Templates ———
export const TemplateStatusSchema = Type.Union([Type.Literal('active'), Type.Literal('retired')]);

export const TemplateListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    status: Type.Optional(TemplateStatusSchema),
  },
  { additionalProperties: false },
);
export type TemplateListQuery = Static<typeof TemplateListQuery>;

const UnitRef = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() });

export const TemplateSummary = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  regime: ReportRegimeSchema,
  status: TemplateStatusSchema,
  version: Type.Integer(),
  ownerUnit: UnitRef,
  updatedAt: Instant,
});
export const TemplateList = Type.Object({ items: Type.Array(TemplateSummary) });
export type TemplateList = Static<typeof TemplateList>;

export const CreateTemplateBody = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$', description: 'Mã mẫu báo cáo, ví dụ BC-TTHC-01' }),
    name: Text(300),
    regime: ReportRegimeSchema,
    document: ReportTemplateDocument,
    /** The owning unit; defaults to the caller's highest unit with report.manage. */
    ownerUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type CreateTemplateBody = Static<typeof CreateTemplateBody>;

export const UpdateTemplateBody = Type.Object(
  {
    name: Text(300),
    regime: ReportRegimeSchema,
    document: ReportTemplateDocument,
    expectedVersion: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type UpdateTemplateBody = Static<typeof UpdateTemplateBody>;

export const TemplateDetail = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  regime: ReportRegimeSchema,
  status: TemplateStatusSchema,
  version: Type.Integer(),
  ownerUnit: UnitRef,
  document: ReportTemplateDocument,
  versions: Type.Array(Type.Object({ version: Type.Integer(), createdAt: Instant, createdBy: Nullable(Type.String()) })),
});
export type TemplateDetail = Static<typeof TemplateDetail>;

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const VersionParams = Type.Object({ id: Type.Integer({ minimum: 1 }), version: Type.Integer({ minimum: 1 }) });

// ——— Rounds ———
export const CreateRoundBody = Type.Object(
  {
    templateId: Type.Integer({ minimum: 1 }),
    periodFrom: LocalDate,
    periodTo: LocalDate,
    dueDate: LocalDate,
    unitIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 500, uniqueItems: true }),
    periodLabel: Type.Optional(Text(100)),
  },
  { additionalProperties: false },
);
export type CreateRoundBody = Static<typeof CreateRoundBody>;

export const RoundListQuery = Type.Object(
  { status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])) },
  { additionalProperties: false },
);
export type RoundListQuery = Static<typeof RoundListQuery>;

export const ASSIGNMENT_STATUSES = ['pending', 'draft', 'submitted', 'returned', 'accepted'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const AssignmentStatusSchema = Type.Union(ASSIGNMENT_STATUSES.map((s) => Type.Literal(s)));

export const RoundSummary = Type.Object({
  id: Type.Integer(),
  template: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), version: Type.Integer() }),
  regime: ReportRegimeSchema,
  assignerUnit: UnitRef,
  periodLabel: Type.String(),
  periodFrom: LocalDate,
  periodTo: LocalDate,
  dueDate: LocalDate,
  status: Type.String({ description: 'open, closed' }),
  createdAt: Instant,
  /** Assignments by status, e.g. { pending: 1, accepted: 1 }. */
  counts: Type.Record(Type.String(), Type.Integer()),
  total: Type.Integer(),
});
export type RoundSummary = Static<typeof RoundSummary>;
export const RoundList = Type.Object({ items: Type.Array(RoundSummary) });
export type RoundList = Static<typeof RoundList>;

export const RoundAssignment = Type.Object({
  id: Type.Integer(),
  unit: UnitRef,
  status: AssignmentStatusSchema,
  currentVersion: Type.Integer(),
  submittedAt: Nullable(Instant),
  reviewedAt: Nullable(Instant),
  reviewComment: Nullable(Type.String()),
});

export const TemplateAtVersion = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  version: Type.Integer(),
  document: ReportTemplateDocument,
});

export const RoundDetail = Type.Object({
  round: RoundSummary,
  template: TemplateAtVersion,
  assignments: Type.Array(RoundAssignment),
});
export type RoundDetail = Static<typeof RoundDetail>;

export const AggregateQuery = Type.Object({ unit: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
export type AggregateQuery = Static<typeof AggregateQuery>;

export const RoundAggregate = Type.Object({
  unit: UnitRef,
  columns: Type.Array(ReportColumnSchema),
  rows: Type.Array(ReportRowSchema),
  /** Aggregated figures; text rows and rows with aggregate 'none' are null. */
  values: ReportData,
  includedUnits: Type.Array(UnitRef),
  /** Units of the subtree with an assignment not accepted yet. */
  pendingUnits: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), status: AssignmentStatusSchema })),
});
export type RoundAggregate = Static<typeof RoundAggregate>;

// ——— Assignments ———
export const AssignmentListQuery = Type.Object(
  { status: Type.Optional(AssignmentStatusSchema) },
  { additionalProperties: false },
);
export type AssignmentListQuery = Static<typeof AssignmentListQuery>;

export const AssignmentSummary = Type.Object({
  id: Type.Integer(),
  status: AssignmentStatusSchema,
  unit: UnitRef,
  round: Type.Object({ id: Type.Integer(), periodLabel: Type.String(), periodFrom: LocalDate, periodTo: LocalDate, dueDate: LocalDate }),
  template: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), version: Type.Integer() }),
  currentVersion: Type.Integer(),
  submittedAt: Nullable(Instant),
  updatedAt: Instant,
});
export const AssignmentList = Type.Object({ items: Type.Array(AssignmentSummary) });
export type AssignmentList = Static<typeof AssignmentList>;

export const ReportProblem = Type.Object({ path: Type.String({ description: '/data/{row}/{column}' }), message: Type.String() });
export type ReportProblem = Static<typeof ReportProblem>;

export const AssignmentDetail = Type.Object({
  id: Type.Integer(),
  status: AssignmentStatusSchema,
  unit: UnitRef,
  round: Type.Object({
    id: Type.Integer(),
    periodLabel: Type.String(),
    periodFrom: LocalDate,
    periodTo: LocalDate,
    dueDate: LocalDate,
    assignerUnit: UnitRef,
  }),
  template: TemplateAtVersion,
  currentVersion: Type.Integer(),
  /** The latest version's figures, or the autofill when nothing is saved yet. */
  data: ReportData,
  /** Formula rows computed by the server from `data`. */
  computed: ReportData,
  /** What would stop a submission now (required, type, min/max, rules). */
  problems: Type.Array(ReportProblem),
  /** Values computed from the platform's data for rows with a source (first column). */
  autofilled: ReportData,
  submittedAt: Nullable(Instant),
  reviewedAt: Nullable(Instant),
  reviewComment: Nullable(Type.String()),
  /** What the caller may do now. */
  canEdit: Type.Boolean(),
  canReview: Type.Boolean(),
  versions: Type.Array(Type.Object({ version: Type.Integer(), kind: Type.String({ description: 'draft, submitted' }), createdAt: Instant, createdBy: Nullable(Type.String()) })),
  events: Type.Array(Type.Object({ action: Type.String(), actorName: Nullable(Type.String()), at: Instant, note: Nullable(Type.String()) })),
});
export type AssignmentDetail = Static<typeof AssignmentDetail>;

export const SaveAssignmentBody = Type.Object(
  { data: ReportData, expectedVersion: Type.Integer({ minimum: 0 }), note: Type.Optional(Text(1000)) },
  { additionalProperties: false },
);
export type SaveAssignmentBody = Static<typeof SaveAssignmentBody>;

export const SubmitAssignmentBody = Type.Object(
  { data: ReportData, expectedVersion: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
export type SubmitAssignmentBody = Static<typeof SubmitAssignmentBody>;

export const ReviewAssignmentBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('return'), Type.Literal('accept')]),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
    expectedVersion: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type ReviewAssignmentBody = Static<typeof ReviewAssignmentBody>;

export const AssignmentVersion = Type.Object({
  version: Type.Integer(),
  kind: Type.String(),
  data: ReportData,
  computed: ReportData,
  note: Nullable(Type.String()),
  createdAt: Instant,
  createdBy: Nullable(Type.String()),
});
export type AssignmentVersion = Static<typeof AssignmentVersion>;
