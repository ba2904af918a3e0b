import { Type, type Static } from '@sinclair/typebox';
import { DOSSIER_ACTIONS, DOSSIER_STATUSES, DossierChannel } from './dossier-status.js';
import { Nullable } from '../../platform/http/schema-types.js';

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Instant = Type.String({ description: 'ISO-8601 UTC' });
const UnitRef = Type.Object({ code: Type.String(), name: Type.String() });
const FileId = Type.String({ format: 'uuid' });
const ShortText = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const DossierCodeParams = Type.Object({ code: Type.String({ pattern: '^[0-9A-Za-z][0-9A-Za-z./_-]{0,79}$' }) });
export type DossierCodeParams = Static<typeof DossierCodeParams>;

export const Attachment = Type.Object(
  { requirement: Type.String({ minLength: 1, maxLength: 50 }), fileId: FileId },
  { additionalProperties: false },
);
export type Attachment = Static<typeof Attachment>;

export const ApplicantInput = Type.Object(
  {
    fullName: ShortText(200),
    // Số định danh cá nhân (12 digits) or a business's tax/registration code.
    identityNumber: Type.String({ pattern: '^[0-9A-Za-z-]{9,20}$' }),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 .-]{8,20}$' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    address: Type.Optional(ShortText(500)),
  },
  { additionalProperties: false },
);
export type ApplicantInput = Static<typeof ApplicantInput>;

export const Applicant = Type.Object({
  fullName: Type.String(),
  identityNumber: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  address: Nullable(Type.String()),
});
export type Applicant = Static<typeof Applicant>;

/** A fee taken at the one-stop desk (payments contract); bank transfers name their reference. */
export const CounterPaymentInput = Type.Object(
  {
    method: literals(['cash', 'bank_transfer']),
    reference: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type CounterPaymentInput = Static<typeof CounterPaymentInput>;

const FormData = Type.Record(Type.String(), Type.Unknown(), { description: 'Tờ khai theo JSON Schema của thủ tục' });

export const SubmitDossierBody = Type.Object(
  {
    procedureCode: Type.String({ minLength: 1, maxLength: 50 }),
    channel: literals(Object.values(DossierChannel)),
    unitCode: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    applicant: Type.Optional(ApplicantInput),
    form: FormData,
    attachments: Type.Array(Attachment, { maxItems: 100 }),
    draftId: Type.Optional(Type.Integer({ minimum: 1 })),
    /** Counter filing only: the fee is paid at the desk now (cash, or a bank transfer with its reference). */
    payment: Type.Optional(CounterPaymentInput),
  },
  { additionalProperties: false },
);
export type SubmitDossierBody = Static<typeof SubmitDossierBody>;

export const ActionBody = Type.Object(
  {
    action: literals(DOSSIER_ACTIONS),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    reasons: Type.Optional(Type.Array(ShortText(1000), { minItems: 1, maxItems: 50 })),
    items: Type.Optional(Type.Array(ShortText(1000), { minItems: 1, maxItems: 50 })),
    toStep: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    resultFileId: Type.Optional(FileId),
    reason: Type.Optional(ShortText(2000)),
    newDueAt: Type.Optional(Type.String({ format: 'date-time' })),
    form: Type.Optional(FormData),
    attachments: Type.Optional(Type.Array(Attachment, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export type ActionBody = Static<typeof ActionBody>;

const Step = Type.Object({ code: Type.String(), name: Type.String() });

export const DossierSummary = Type.Object({
  code: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  applicantName: Type.String(),
  status: literals(DOSSIER_STATUSES),
  statusNumber: Type.Integer(),
  channel: Type.String(),
  unit: UnitRef,
  currentStep: Nullable(Step),
  submittedAt: Instant,
  receivedAt: Nullable(Instant),
  dueAt: Nullable(Instant),
  finishedAt: Nullable(Instant),
  timeliness: Nullable(Type.String({ description: 'early, onTime, late (finished); dueSoon, overdue (open)' })),
});
export type DossierSummary = Static<typeof DossierSummary>;

export const DossierList = Type.Object({ items: Type.Array(DossierSummary), total: Type.Integer() });
export type DossierList = Static<typeof DossierList>;

export const DossierListQuery = Type.Object(
  {
    view: Type.Optional(Type.Literal('actionable')),
    status: Type.Optional(Type.String({ pattern: '^[a-z_]+(,[a-z_]+)*$', maxLength: 200 })),
    due: Type.Optional(literals(['soon', 'overdue'])),
    unit: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, default: 20, description: '0: chỉ đếm (count only, no items)' })),
  },
  { additionalProperties: false },
);
export type DossierListQuery = Static<typeof DossierListQuery>;

export const HistoryEvent = Type.Object({
  seq: Type.Integer(),
  action: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Type.String(),
  stepCode: Nullable(Type.String()),
  stepName: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  at: Instant,
  note: Nullable(Type.String()),
  reasons: Type.Optional(Type.Array(Type.String())),
  items: Type.Optional(Type.Array(Type.String())),
  stepDueAt: Nullable(Instant),
  timeliness: Nullable(Type.String()),
  newDueAt: Type.Optional(Instant),
  /** Apology (form 04): why the result is late. */
  reason: Type.Optional(Type.String()),
  /** fee_paid: the amount (whole đồng), the channel (gateway, cash, bank_transfer) and the receipt number. */
  payment: Type.Optional(Type.Object({ amountVnd: Type.Integer(), channel: Type.String(), receiptNo: Type.String() })),
  files: Type.Array(Type.Object({ fileId: Type.String(), name: Type.String() })),
});
export type HistoryEvent = Static<typeof HistoryEvent>;

export const Component = Type.Object({
  requirementCode: Type.String(),
  requirementName: Type.String(),
  fileId: Nullable(Type.String()),
  fileName: Nullable(Type.String()),
  mediaType: Nullable(Type.String()),
  source: Type.String(),
  digitised: Type.Boolean(),
});

export const Rating = Type.Object({ score: Type.Integer(), comment: Nullable(Type.String()), at: Instant });
export type Rating = Static<typeof Rating>;

export const DossierDetail = Type.Intersect([
  DossierSummary,
  Type.Object({
    procedureVersion: Type.Integer(),
    applicant: Applicant,
    form: FormData,
    components: Type.Array(Component),
    receivingUnit: UnitRef,
    currentStep: Nullable(Type.Object({ code: Type.String(), name: Type.String(), role: Type.String(), dueAt: Nullable(Instant) })),
    originalDueAt: Nullable(Instant),
    pausedAt: Nullable(Instant),
    returnedAt: Nullable(Instant),
    supplementRequests: Type.Integer(),
    outcome: Nullable(Type.String()),
    resultFileId: Nullable(Type.String()),
    rating: Nullable(Rating),
    proposedDueAt: Nullable(Instant),
    history: Type.Array(HistoryEvent),
    allowedActions: Type.Array(Type.String()),
    forms: Type.Array(Type.String()),
  }),
]);
export type DossierDetail = Static<typeof DossierDetail>;

export const RatingBody = Type.Object(
  { score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBody>;

export const FormParams = Type.Object({
  code: DossierCodeParams.properties.code,
  form: literals(['receipt', 'supplement-request', 'refusal', 'apology', 'control-sheet']),
});
export type FormParams = Static<typeof FormParams>;
