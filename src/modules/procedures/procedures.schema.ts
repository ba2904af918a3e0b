import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schema-types.js';

/** Cấp thực hiện — the level of government that handles a procedure (domain.md §2). */
export const ProcedureLevel = { Province: 'province', Commune: 'commune' } as const;
/** Mức độ dịch vụ công trực tuyến (Decree 42/2022): toàn trình (fully online), một phần (partly), none. */
export const OnlineLevel = { Full: 'toan_trinh', Partial: 'mot_phan', None: 'none' } as const;
export const ProcedureStatus = { Active: 'active', Retired: 'retired' } as const;
export const TimeUnit = { WorkingDays: 'working_days', WorkingHours: 'working_hours' } as const;
export const ResultType = { Paper: 'paper', Electronic: 'electronic', Both: 'both' } as const;
/** What an official may do at a workflow step; the dossier module interprets them. */
export const WorkflowAction = {
  Forward: 'forward',
  Return: 'return',
  Approve: 'approve',
  Refuse: 'refuse',
  RequestSupplement: 'request_supplement',
} as const;

const literals = <T extends Record<string, string>>(values: T) => Type.Union(Object.values(values).map((v) => Type.Literal(v)));

// Codes of the national catalogue look like 1.001193 or 2.000986; local ones may use letters and dashes.
export const PROCEDURE_CODE_PATTERN = '^[0-9A-Za-z][0-9A-Za-z._-]{0,49}$';
const ProcedureCode = Type.String({ pattern: PROCEDURE_CODE_PATTERN, description: 'Mã thủ tục, ví dụ 1.001193' });
const ItemCode = Type.String({ pattern: '^[a-z0-9][a-z0-9_]{0,49}$', description: 'Mã (chữ thường, số, gạch dưới)' });
const Text = (maxLength = 500) => Type.String({ minLength: 1, maxLength });
const JsonObject = Type.Record(Type.String(), Type.Unknown());

export const Duration = Type.Object(
  { amount: Type.Number({ exclusiveMinimum: 0, maximum: 10_000 }), unit: literals(TimeUnit) },
  { additionalProperties: false },
);
export type Duration = Static<typeof Duration>;

export const Fee = Type.Object(
  {
    code: ItemCode,
    name: Text(),
    // Bounded so unit × quantity (at most MAX_FEE_QUANTITY) summed over every line stays an exact integer.
    amountVnd: Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'Số tiền (đồng); đơn giá khi có quantityField' }),
    quantityField: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Trường số nguyên của tờ khai nhân với đơn giá (số trang, số bản)' })),
    maximumVnd: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, description: 'Mức thu tối đa của khoản này (đồng)' })),
  },
  { additionalProperties: false },
);
export type Fee = Static<typeof Fee>;

/** Channels a reduction may be limited to (a dossier filed by post counts as neither). */
export const FeeChannel = { Online: 'online', Counter: 'counter' } as const;
const FeeChannelCode = Type.Union([Type.Literal(FeeChannel.Online), Type.Literal(FeeChannel.Counter)]);

/** Miễn, giảm phí: applies to every fee line when its condition holds; 100 percent is an exemption. */
export const FeeReduction = Type.Object(
  {
    code: ItemCode,
    name: Text(),
    percent: Type.Integer({ minimum: 1, maximum: 100, description: 'Tỷ lệ giảm (%), 100 = miễn' }),
    when: Type.Object(
      {
        channel: Type.Optional(FeeChannelCode),
        field: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Trường của tờ khai' })),
        equals: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Number(), Type.Boolean()])),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type FeeReduction = Static<typeof FeeReduction>;

export const Requirement = Type.Object(
  {
    code: ItemCode,
    name: Text(1000),
    originals: Type.Integer({ minimum: 0, maximum: 100, description: 'Số bản chính' }),
    copies: Type.Integer({ minimum: 0, maximum: 100, description: 'Số bản sao' }),
    mandatory: Type.Boolean(),
    templateFileUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 2000 })),
    fromDataStore: Type.Boolean({ description: 'Có thể lấy từ kho dữ liệu (không bắt buộc nộp lại)' }),
  },
  { additionalProperties: false },
);
export type Requirement = Static<typeof Requirement>;

export const WorkflowStep = Type.Object(
  { code: ItemCode, name: Text(), role: Text(50), unitCode: Type.Optional(Text(50)), budget: Duration },
  { additionalProperties: false },
);
export type WorkflowStep = Static<typeof WorkflowStep>;

export const WorkflowTransition = Type.Object(
  { from: ItemCode, action: literals(WorkflowAction), to: ItemCode },
  { additionalProperties: false },
);

/** The document of one procedure version: everything the portal shows and the dossier module follows. */
export const ProcedureDocument = Type.Object(
  {
    code: ProcedureCode,
    name: Text(),
    field: Text(200),
    level: literals(ProcedureLevel),
    competentUnitCodes: Type.Array(Text(50), { minItems: 1, uniqueItems: true }),
    onlineLevel: literals(OnlineLevel),
    processingTime: Duration,
    fees: Type.Array(Fee, { maxItems: 50 }),
    // Optional so catalogues exported before reductions existed still import; read back as [].
    feeReductions: Type.Optional(Type.Array(FeeReduction, { maxItems: 50 })),
    requirements: Type.Array(Requirement),
    form: Type.Object(
      { schema: JsonObject, uiSchema: Type.Optional(JsonObject) },
      { additionalProperties: false, description: 'Tờ khai: JSON Schema và gợi ý hiển thị' },
    ),
    result: Type.Object({ type: literals(ResultType), name: Text() }, { additionalProperties: false }),
    legalBasis: Type.Array(Text(1000)),
    workflow: Type.Object(
      { steps: Type.Array(WorkflowStep, { minItems: 1 }), transitions: Type.Array(WorkflowTransition) },
      { additionalProperties: false },
    ),
    status: Type.Optional(literals(ProcedureStatus)),
  },
  { additionalProperties: false },
);
export type ProcedureDocument = Static<typeof ProcedureDocument>;

/** A stored version: the document plus its version number and when it was made. */
export const ProcedureVersion = Type.Intersect([
  ProcedureDocument,
  Type.Object({
    version: Type.Integer(),
    currentVersion: Type.Integer(),
    versionCreatedAt: Type.String(),
    /** The competent units with their current names (null for a code no unit carries), for the public page. */
    competentUnits: Type.Array(Type.Object({ code: Type.String(), name: Nullable(Type.String()) })),
  }),
]);
export type ProcedureVersion = Static<typeof ProcedureVersion>;

export const ProcedureSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  field: Type.String(),
  level: Type.String(),
  onlineLevel: Type.String(),
  status: Type.String(),
  version: Type.Integer(),
  processingTime: Duration,
  totalFeeVnd: Type.Integer(),
});
export type ProcedureSummary = Static<typeof ProcedureSummary>;

export const ProcedureList = Type.Object({ items: Type.Array(ProcedureSummary), total: Type.Integer() });
export type ProcedureList = Static<typeof ProcedureList>;

export const ProcedureListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    field: Type.Optional(Type.String({ maxLength: 200 })),
    level: Type.Optional(literals(ProcedureLevel)),
    onlineLevel: Type.Optional(literals(OnlineLevel)),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type ProcedureListQuery = Static<typeof ProcedureListQuery>;

export const ProcedureParams = Type.Object({ code: ProcedureCode });
export const ProcedureVersionQuery = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);

export const CatalogueExport = Type.Object({
  exportedAt: Type.String(),
  procedures: Type.Array(ProcedureDocument),
});
export type CatalogueExport = Static<typeof CatalogueExport>;

export const CatalogueImportBody = Type.Object(
  { procedures: Type.Array(ProcedureDocument, { minItems: 1, maxItems: 5000 }) },
  { additionalProperties: false },
);
export type CatalogueImportBody = Static<typeof CatalogueImportBody>;

export const ImportReport = Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() });
export type ImportReport = Static<typeof ImportReport>;


export const FeeQuoteBody = Type.Object(
  {
    form: Type.Optional(JsonObject),
    channel: FeeChannelCode,
  },
  { additionalProperties: false },
);
export type FeeQuoteBody = Static<typeof FeeQuoteBody>;

export const FeeLine = Type.Object({
  code: Type.String(),
  name: Type.String(),
  unitAmountVnd: Type.Integer(),
  quantity: Type.Integer(),
  /** Before any reduction (unit × quantity, capped by the fee's maximum). */
  amountVnd: Type.Integer(),
  reduction: Nullable(Type.Object({ code: Type.String(), name: Type.String(), percent: Type.Integer(), amountVnd: Type.Integer() })),
  payableVnd: Type.Integer(),
});
export type FeeLine = Static<typeof FeeLine>;

export const FeeQuote = Type.Object({ totalVnd: Type.Integer(), lines: Type.Array(FeeLine) });
export type FeeQuote = Static<typeof FeeQuote>;
