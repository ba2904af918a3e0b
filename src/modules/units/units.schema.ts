import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schema-types.js';

/** Kinds of unit in the organisation tree (domain.md §2). */
export const UnitType = {
  Province: 'province',
  Department: 'department',
  Center: 'center',
  Division: 'division',
  Commune: 'commune',
  Agency: 'agency',
} as const;
export type UnitTypeCode = (typeof UnitType)[keyof typeof UnitType];

export const UnitStatus = { Active: 'active', Merged: 'merged' } as const;
export type UnitStatusCode = (typeof UnitStatus)[keyof typeof UnitStatus];

// Mã định danh điện tử của cơ quan, tổ chức: 13 characters such as 000.00.31.H18 (domain.md §2).
export const UNIT_CODE_PATTERN = '^[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}$';

const Id = Type.Integer({ minimum: 1 });
const UnitTypeSchema = Type.Union(Object.values(UnitType).map((t) => Type.Literal(t)));
const UnitStatusSchema = Type.Union(Object.values(UnitStatus).map((s) => Type.Literal(s)));
const Code = Type.String({ pattern: UNIT_CODE_PATTERN, minLength: 13, maxLength: 13, description: 'Mã định danh, ví dụ 000.00.31.H18' });
const Name = Type.String({ minLength: 1, maxLength: 250 });
// Used in document notations such as 12/QĐ-UBND: letters (with Vietnamese marks), digits and dashes.
const ShortName = Type.String({ minLength: 1, maxLength: 30, pattern: '^[\\p{L}\\p{N}-]+$' });

export const Unit = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  type: UnitTypeSchema,
  parentId: Nullable(Type.Integer()),
  status: UnitStatusSchema,
  mergedIntoId: Nullable(Type.Integer()),
  userCount: Type.Integer(),
});
export type Unit = Static<typeof Unit>;

export const UnitDetail = Type.Intersect([
  Unit,
  Type.Object({ ancestors: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() }), { description: 'Gốc trước (root first)' }) }),
]);
export type UnitDetail = Static<typeof UnitDetail>;

export const UnitList = Type.Object({ items: Type.Array(Unit) });

export const UnitListQuery = Type.Object({ includeMerged: Type.Optional(Type.Boolean({ default: false })) }, { additionalProperties: false });

export const UnitParams = Type.Object({ id: Id });

export const CreateUnitBody = Type.Object(
  { code: Code, name: Name, shortName: ShortName, type: UnitTypeSchema, parentId: Nullable(Id) },
  { additionalProperties: false },
);
export type CreateUnitInput = Static<typeof CreateUnitBody>;

export const UpdateUnitBody = Type.Object(
  { code: Type.Optional(Code), name: Type.Optional(Name), shortName: Type.Optional(ShortName), type: Type.Optional(UnitTypeSchema) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUnitInput = Static<typeof UpdateUnitBody>;

export const MoveUnitBody = Type.Object({ parentId: Id }, { additionalProperties: false });

export const MergeUnitBody = Type.Object(
  {
    intoId: Id,
    moveChildren: Type.Optional(Type.Boolean({ default: false, description: 'Chuyển các đơn vị trực thuộc sang đơn vị tiếp nhận' })),
  },
  { additionalProperties: false },
);
export type MergeUnitInput = Static<typeof MergeUnitBody>;

export const MergeResult = Type.Object({
  merged: Unit,
  survivor: Unit,
  movedUsers: Type.Integer(),
  movedGrants: Type.Integer(),
  movedChildren: Type.Integer(),
  /** Records moved by other modules' merge participants, e.g. { dossiers: 12 }. */
  movedRecords: Type.Record(Type.String(), Type.Integer()),
});
export type MergeResult = Static<typeof MergeResult>;
