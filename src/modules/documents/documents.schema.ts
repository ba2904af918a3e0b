import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schema-types.js';
import { DOCUMENT_ACTIONS, DOCUMENT_STATUSES } from './document-status.js';
import { CONFIDENTIALITY_CODES, DOCUMENT_TYPE_CODES, URGENCY_CODES } from './document-vocabulary.js';

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Instant = Type.String({ description: 'ISO-8601 UTC' });
const LocalDate = Type.String({ format: 'date', description: 'yyyy-MM-dd (giờ Việt Nam)' });
const FileId = Type.String({ format: 'uuid' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Id = Type.Integer({ minimum: 1 });

export const TypeCode = literals(DOCUMENT_TYPE_CODES);
export const UrgencyCode = literals(URGENCY_CODES);
export const ConfidentialityCode = literals(CONFIDENTIALITY_CODES);

export const DocumentIdParams = Type.Object({ id: Id });
export const OfficialsQuery = Type.Object(
  { unitId: Id, right: Type.Optional(Type.Union([Type.Literal('sign'), Type.Literal('review')], { default: 'sign' })) },
  { additionalProperties: false },
);
export const OfficialList = Type.Object({
  items: Type.Array(Type.Object({ id: Type.Integer(), fullName: Type.String(), title: Type.Union([Type.String(), Type.Null()]) })),
});
export type DocumentIdParams = Static<typeof DocumentIdParams>;
export const DocumentFileParams = Type.Object({ id: Id, fileId: FileId });
export type DocumentFileParams = Static<typeof DocumentFileParams>;

export const Vocabulary = Type.Object({
  types: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), abbreviation: Type.String() })),
  urgencies: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
  confidentialities: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
});

export const BookQuery = Type.Object(
  { unitId: Type.Optional(Id), year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2200 })) },
  { additionalProperties: false },
);
export type BookQuery = Static<typeof BookQuery>;
export const NewBookBody = Type.Object(
  {
    unitId: Id,
    year: Type.Integer({ minimum: 2000, maximum: 2200 }),
    kind: literals(['incoming', 'outgoing', 'internal']),
    confidential: Type.Optional(Type.Boolean()),
    name: Text(200),
  },
  { additionalProperties: false },
);
export type NewBookBody = Static<typeof NewBookBody>;
export const Book = Type.Object({
  id: Type.Integer(),
  unitId: Type.Integer(),
  year: Type.Integer(),
  kind: Type.String(),
  confidential: Type.Boolean(),
  name: Type.String(),
  lastNumber: Type.Integer(),
  status: Type.String(),
});
export type Book = Static<typeof Book>;
export const BookList = Type.Object({ items: Type.Array(Book) });

export const IncomingBody = Type.Object(
  {
    unitId: Id,
    typeCode: TypeCode,
    subject: Text(1000),
    codeNumber: Text(20),
    codeNotation: Text(100),
    organName: Text(300),
    organId: Type.Optional(Text(50)),
    issuedDate: LocalDate,
    signerName: Type.Optional(Text(200)),
    urgency: UrgencyCode,
    confidentiality: ConfidentialityCode,
    pageAmount: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    dueDate: Type.Optional(LocalDate),
    mainFileId: FileId,
    attachmentFileIds: Type.Optional(Type.Array(FileId, { maxItems: 50 })),
    accessUserIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
    confirmDuplicate: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type IncomingBody = Static<typeof IncomingBody>;

export const RecipientInput = Type.Union([
  Type.Object({ unitId: Id }, { additionalProperties: false }),
  Type.Object({ organId: Text(50), name: Text(300) }, { additionalProperties: false }),
]);
export type RecipientInput = Static<typeof RecipientInput>;

export const OutgoingBody = Type.Object(
  {
    unitId: Id,
    internal: Type.Optional(Type.Boolean()),
    typeCode: TypeCode,
    subject: Text(1000),
    urgency: UrgencyCode,
    confidentiality: ConfidentialityCode,
    signerUserId: Id,
    recipients: Type.Array(RecipientInput, { maxItems: 200 }),
    inReplyToId: Type.Optional(Id),
    dueDate: Type.Optional(LocalDate),
    body: Type.Optional(Text(50000)),
    fileId: Type.Optional(FileId),
    note: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);
export type OutgoingBody = Static<typeof OutgoingBody>;

export const Corrections = Type.Object(
  {
    typeCode: Type.Optional(TypeCode),
    subject: Type.Optional(Text(1000)),
    codeNumber: Type.Optional(Text(20)),
    codeNotation: Type.Optional(Text(100)),
    organName: Type.Optional(Text(300)),
    issuedDate: Type.Optional(LocalDate),
    urgency: Type.Optional(UrgencyCode),
    pageAmount: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    dueDate: Type.Optional(LocalDate),
  },
  { additionalProperties: false },
);

export const Credential = Type.Union([
  Type.Object({ kind: Type.Literal('registered'), id: Id }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('session') }, { additionalProperties: false }),
]);
export type Credential = Static<typeof Credential>;
export const VisiblePlace = Type.Object(
  { page: Type.Integer({ minimum: 1 }), x: Type.Number({ minimum: 0 }), y: Type.Number({ minimum: 0 }) },
  { additionalProperties: false },
);

/** One body for every action; each action checks the fields it needs (400 with the field's path). */
export const ActionBody = Type.Object(
  {
    action: literals(DOCUMENT_ACTIONS),
    version: Type.Integer({ minimum: 1 }),
    confirmDuplicate: Type.Optional(Type.Boolean()),
    accessUserIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
    corrections: Type.Optional(Corrections),
    leadUserId: Type.Optional(Id),
    coordinatorUserIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
    deadline: Type.Optional(LocalDate),
    instructions: Type.Optional(Text(2000)),
    note: Type.Optional(Text(2000)),
    workFileId: Type.Optional(Id),
    fileId: Type.Optional(FileId),
    body: Type.Optional(Text(50000)),
    reviewerIds: Type.Optional(Type.Array(Id, { maxItems: 20 })),
    decision: Type.Optional(literals(['approve', 'request_changes', 'pass', 'return'])),
    comment: Type.Optional(Text(2000)),
    credential: Type.Optional(Credential),
    visible: Type.Optional(Nullable(VisiblePlace)),
    bookId: Type.Optional(Id),
    reason: Type.Optional(Text(2000)),
    userId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type ActionBody = Static<typeof ActionBody>;

export const ListQuery = Type.Object(
  {
    view: Type.Optional(
      literals(['incoming', 'outgoing', 'to_register', 'to_assign', 'my_work', 'due_soon', 'overdue', 'my_drafts', 'to_review', 'to_check', 'to_sign', 'to_issue', 'all']),
    ),
    unitId: Type.Optional(Id),
    typeCode: Type.Optional(TypeCode),
    urgency: Type.Optional(UrgencyCode),
    from: Type.Optional(LocalDate),
    to: Type.Optional(LocalDate),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 0, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type ListQuery = Static<typeof ListQuery>;
export type ListView = NonNullable<ListQuery['view']>;

export const DocumentSummary = Type.Object({
  id: Type.Integer(),
  uid: Type.String(),
  direction: Type.String(),
  status: literals(DOCUMENT_STATUSES),
  statusLabel: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  numberNotation: Nullable(Type.String()),
  arrivalNumber: Nullable(Type.Integer()),
  typeCode: Type.String(),
  typeName: Type.String(),
  subject: Type.String(),
  urgency: Type.String(),
  confidentiality: Type.String(),
  organName: Nullable(Type.String()),
  issuedDate: Nullable(Type.String()),
  arrivalDate: Nullable(Type.String()),
  dueDate: Nullable(Type.String()),
  myDeadline: Nullable(Type.String()),
  leadName: Nullable(Type.String()),
  updatedAt: Instant,
});
export type DocumentSummary = Static<typeof DocumentSummary>;
export const DocumentList = Type.Object({ items: Type.Array(DocumentSummary), total: Type.Integer() });
export type DocumentList = Static<typeof DocumentList>;

export const FileRef = Type.Object({ id: Type.String(), name: Type.String(), size: Type.Integer(), mediaType: Type.String(), url: Type.String() });
export type FileRef = Static<typeof FileRef>;
const DocumentRef = Type.Object({ id: Type.Integer(), subject: Type.String(), numberNotation: Nullable(Type.String()) });

export const Metadata = Type.Record(Type.String(), Type.Unknown(), { description: 'Appendix VI metadata (Decree 30/2020)' });

export const DocumentDetail = Type.Composite([
  DocumentSummary,
  Type.Object({
    metadata: Metadata,
    mainFile: Nullable(FileRef),
    attachments: Type.Array(FileRef),
    versions: Type.Array(Type.Object({ versionNo: Type.Integer(), file: FileRef, note: Nullable(Type.String()), createdBy: Nullable(Type.String()), createdAt: Instant })),
    comments: Type.Array(Type.Object({ id: Type.Integer(), author: Type.String(), body: Type.String(), versionNo: Nullable(Type.Integer()), createdAt: Instant })),
    reviews: Type.Array(
      Type.Object({ id: Type.Integer(), reviewer: Type.String(), reviewerId: Type.Integer(), kind: Type.String(), status: Type.String(), versionNo: Type.Integer(), comment: Nullable(Type.String()), decidedAt: Nullable(Instant) }),
    ),
    assignments: Type.Array(
      Type.Object({
        id: Type.Integer(),
        userId: Type.Integer(),
        userName: Type.String(),
        role: Type.String(),
        deadline: Nullable(Type.String()),
        instructions: Nullable(Type.String()),
        status: Type.String(),
        doneAt: Nullable(Instant),
        note: Nullable(Type.String()),
      }),
    ),
    recipients: Type.Array(
      Type.Object({ id: Type.Integer(), unitId: Nullable(Type.Integer()), organId: Type.String(), name: Type.String(), channel: Type.String(), status: Type.String(), statusAt: Instant }),
    ),
    signatures: Type.Array(Type.Object({ kind: Type.String(), signerName: Type.String(), organisation: Nullable(Type.String()), signedAt: Instant })),
    events: Type.Array(
      Type.Object({ action: Type.String(), fromStatus: Nullable(Type.String()), toStatus: Type.String(), actorName: Nullable(Type.String()), at: Instant, details: Type.Record(Type.String(), Type.Unknown()) }),
    ),
    inReplyTo: Nullable(DocumentRef),
    replies: Type.Array(DocumentRef),
    signerUserId: Nullable(Type.Integer()),
    signerName: Nullable(Type.String()),
    allowedActions: Type.Array(Type.String()),
    version: Type.Integer(),
  }),
]);
export type DocumentDetail = Static<typeof DocumentDetail>;
