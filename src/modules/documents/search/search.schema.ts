import { Type, type Static } from '@sinclair/typebox';
import { DocumentSummary } from '../documents.schema.js';
import { DOCUMENT_TYPE_CODES } from '../document-vocabulary.js';
import { Direction } from '../document-status.js';

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const LocalDate = Type.String({ format: 'date', description: 'yyyy-MM-dd (giờ Việt Nam)' });

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Từ khóa, không phân biệt dấu (accent-insensitive words)' })),
    unitId: Type.Optional(Type.Integer({ minimum: 1 })),
    direction: Type.Optional(literals(Object.values(Direction))),
    typeCode: Type.Optional(literals(DOCUMENT_TYPE_CODES)),
    from: Type.Optional(LocalDate),
    to: Type.Optional(LocalDate),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchHit = Type.Composite([
  DocumentSummary,
  Type.Object({ snippet: Type.Union([Type.String(), Type.Null()], { description: 'Đoạn văn bản (không dấu) quanh từ khóa' }) }),
]);
export type SearchHit = Static<typeof SearchHit>;

export const SearchResult = Type.Object({ items: Type.Array(SearchHit), total: Type.Integer() });
export type SearchResult = Static<typeof SearchResult>;
