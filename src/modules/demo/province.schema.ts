import { Type, type Static } from '@sinclair/typebox';
import { ROLE_CODES } from '../../platform/auth/roles.js';

/*
 * The shape of a province's seed data: one tree of units under the province and, optionally, a few accounts.
 * `src/modules/demo/dien-bien.ts` is the shipped example; another province copies it (or writes the same
 * shape as JSON for `cqs seed province --file`).
 */

// Mã định danh điện tử (13 characters), the same rule the units module enforces.
export const AGENCY_CODE_PATTERN = '^[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}$';

export const UNIT_TYPES = ['province', 'department', 'center', 'division', 'commune', 'agency'] as const;

export const UnitSeed = Type.Recursive(
  (self) =>
    Type.Object(
      {
        code: Type.String({ pattern: AGENCY_CODE_PATTERN, minLength: 13, maxLength: 13 }),
        name: Type.String({ minLength: 1, maxLength: 300 }),
        shortName: Type.String({ minLength: 1, maxLength: 50 }),
        type: Type.Union(UNIT_TYPES.map((t) => Type.Literal(t))),
        children: Type.Optional(Type.Array(self)),
      },
      { additionalProperties: false },
    ),
  { $id: 'UnitSeed' },
);
export type UnitSeed = Static<typeof UnitSeed>;

export const AccountSeed = Type.Object(
  {
    username: Type.String({ pattern: '^[a-z0-9._-]{3,50}$' }),
    fullName: Type.String({ minLength: 1, maxLength: 200 }),
    title: Type.Optional(Type.String({ maxLength: 200 })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    role: Type.Union(ROLE_CODES.map((r) => Type.Literal(r))),
    /** Code of the unit the account belongs to and where the role is granted; absent for citizens. */
    unitCode: Type.Optional(Type.String({ pattern: AGENCY_CODE_PATTERN })),
    /** Where the role is granted when it differs from the account's own unit (e.g. a specialist's department). */
    grantUnitCode: Type.Optional(Type.String({ pattern: AGENCY_CODE_PATTERN })),
    includeSubtree: Type.Optional(Type.Boolean()),
    /** Số định danh cá nhân (12 digits) of a citizen account. */
    identityNumber: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
  },
  { additionalProperties: false },
);
export type AccountSeed = Static<typeof AccountSeed>;

export const ProvinceSeed = Type.Object(
  {
    province: UnitSeed,
    accounts: Type.Optional(Type.Array(AccountSeed)),
  },
  { additionalProperties: false },
);
export type ProvinceSeed = Static<typeof ProvinceSeed>;
