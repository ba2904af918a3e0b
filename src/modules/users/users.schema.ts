import { Type, type Static } from '@sinclair/typebox';
import { ROLE_CODES, type RoleCode } from '../../platform/auth/roles.js';
import { Nullable } from '../../platform/http/schema-types.js';

export const UserKind = { Official: 'official', Citizen: 'citizen' } as const;
export type UserKindCode = (typeof UserKind)[keyof typeof UserKind];
export const UserStatus = { Active: 'active', Disabled: 'disabled' } as const;
export type UserStatusCode = (typeof UserStatus)[keyof typeof UserStatus];

/** Usernames are stored lower-case; input may use capitals and is lower-cased. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,50}$/;

const Id = Type.Integer({ minimum: 1 });
const KindSchema = Type.Union(Object.values(UserKind).map((k) => Type.Literal(k)));
const StatusSchema = Type.Union(Object.values(UserStatus).map((s) => Type.Literal(s)));
const RoleSchema = Type.Union(ROLE_CODES.map((r) => Type.Literal(r)));

const Username = Type.String({ pattern: '^[A-Za-z0-9._-]{3,50}$', description: 'Chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang' });
const FullName = Type.String({ minLength: 1, maxLength: 200 });
const Email = Type.String({ format: 'email', maxLength: 254 });
const Phone = Type.String({ pattern: '^\\+?[0-9][0-9 .-]{6,18}[0-9]$' });
const Title = Type.String({ minLength: 1, maxLength: 200 });
// Số định danh cá nhân: 12 digits (căn cước); 9 digits for old identity cards still in use.
const IdentityNumber = Type.String({ pattern: '^([0-9]{9}|[0-9]{12})$' });

export const RoleGrantInput = Type.Object(
  {
    role: RoleSchema,
    unitId: Nullable(Id),
    includeSubtree: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export interface GrantInput {
  role: RoleCode;
  unitId: number | null;
  includeSubtree?: boolean;
}

const Roles = Type.Array(RoleGrantInput, { maxItems: 50 });

export const RoleGrantView = Type.Object({
  role: RoleSchema,
  unitId: Nullable(Type.Integer()),
  unitName: Nullable(Type.String()),
  includeSubtree: Type.Boolean(),
});
export type RoleGrantView = Static<typeof RoleGrantView>;

/** What a list shows: no personal data (no e-mail, phone or identity number). */
export const UserSummary = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  fullName: Type.String(),
  kind: KindSchema,
  unitId: Nullable(Type.Integer()),
  unitName: Nullable(Type.String()),
  title: Nullable(Type.String()),
  status: StatusSchema,
  totpEnabled: Type.Boolean(),
  roles: Type.Array(RoleGrantView),
});
export type UserSummary = Static<typeof UserSummary>;

export const UserDetail = Type.Intersect([
  UserSummary,
  Type.Object({
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    identityNumber: Nullable(Type.String()),
    lastLoginAt: Nullable(Type.String()),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  }),
]);
export type UserDetail = Static<typeof UserDetail>;

export const UserListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Tìm theo họ tên, tên đăng nhập (không phân biệt dấu, hoa thường)' })),
    unitId: Type.Optional(Id),
    kind: Type.Optional(KindSchema),
    status: Type.Optional(StatusSchema),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;

export const UserList = Type.Object({ items: Type.Array(UserSummary), total: Type.Integer() });

export const UserParams = Type.Object({ id: Id });

export const CreateUserBody = Type.Object(
  {
    username: Username,
    fullName: FullName,
    email: Type.Optional(Nullable(Email)),
    phone: Type.Optional(Nullable(Phone)),
    kind: KindSchema,
    unitId: Type.Optional(Nullable(Id)),
    title: Type.Optional(Nullable(Title)),
    identityNumber: Type.Optional(Nullable(IdentityNumber)),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    roles: Type.Optional(Roles),
  },
  { additionalProperties: false },
);
export type CreateUserInput = Omit<Static<typeof CreateUserBody>, 'roles'> & { roles?: GrantInput[] };

export const UpdateUserBody = Type.Object(
  {
    fullName: Type.Optional(FullName),
    email: Type.Optional(Nullable(Email)),
    phone: Type.Optional(Nullable(Phone)),
    title: Type.Optional(Nullable(Title)),
    unitId: Type.Optional(Id),
    identityNumber: Type.Optional(Nullable(IdentityNumber)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserInput = Static<typeof UpdateUserBody>;

export const ReplaceRolesBody = Type.Object({ roles: Roles }, { additionalProperties: false });

export const ResetPasswordBody = Type.Object({ newPassword: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

export const RoleInfo = Type.Object({
  code: RoleSchema,
  label: Type.Object({ vi: Type.String(), en: Type.String() }),
  permissions: Type.Array(Type.String()),
});
