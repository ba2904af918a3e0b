import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../../platform/http/schema-types.js';
import { DocumentSummary } from '../documents.schema.js';

const Id = Type.Integer({ minimum: 1 });

export const WorkFileQuery = Type.Object({ unitId: Type.Optional(Id), year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }, { additionalProperties: false });
export type WorkFileQuery = Static<typeof WorkFileQuery>;

export const NewWorkFileBody = Type.Object(
  {
    unitId: Id,
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    notation: Type.String({ minLength: 1, maxLength: 50, pattern: '\\S', description: 'Ký hiệu hồ sơ, e.g. 01.TP' }),
    title: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S', description: 'Tiêu đề hồ sơ' }),
    retentionYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Thời hạn bảo quản (năm)' })),
    permanent: Type.Optional(Type.Boolean({ description: 'Bảo quản vĩnh viễn' })),
  },
  { additionalProperties: false },
);
export type NewWorkFileBody = Static<typeof NewWorkFileBody>;

export const WorkFile = Type.Object({
  id: Type.Integer(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  year: Type.Integer(),
  notation: Type.String(),
  title: Type.String(),
  retentionYears: Nullable(Type.Integer()),
  permanent: Type.Boolean(),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  documentCount: Type.Integer(),
  createdAt: Type.String(),
  closedAt: Nullable(Type.String()),
});
export type WorkFile = Static<typeof WorkFile>;
export const WorkFileList = Type.Object({ items: Type.Array(WorkFile) });
export type WorkFileList = Static<typeof WorkFileList>;
export const WorkFileDetail = Type.Composite([WorkFile, Type.Object({ documents: Type.Array(DocumentSummary) })]);
export type WorkFileDetail = Static<typeof WorkFileDetail>;
export const WorkFileIdParams = Type.Object({ id: Id }, { additionalProperties: false });
