import { Type, type Static } from '@sinclair/typebox';
import { ROLE_CODES } from '../../platform/auth/roles.js';
import { Nullable } from '../../platform/http/schema-types.js';

const Username = Type.String({ minLength: 1, maxLength: 100, description: 'Tên đăng nhập (không phân biệt hoa thường)' });
const Password = Type.String({ minLength: 1, maxLength: 200, description: 'Mật khẩu' });
const Otp = Type.String({ pattern: '^\\d{6}$', description: 'Mã xác thực 6 chữ số từ ứng dụng xác thực (TOTP)' });

export const LoginBody = Type.Object(
  { username: Username, password: Password, otp: Type.Optional(Otp) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const OtpBody = Type.Object({ otp: Otp }, { additionalProperties: false });
export type OtpBody = Static<typeof OtpBody>;

export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const Me = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  fullName: Type.String(),
  kind: Type.Union([Type.Literal('official'), Type.Literal('citizen')]),
  email: Nullable(Type.String()),
  title: Nullable(Type.String()),
  unit: Nullable(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() })),
  roles: Type.Array(
    Type.Object({
      role: Type.Union(ROLE_CODES.map((code) => Type.Literal(code))),
      roleLabel: Type.String(),
      unitId: Nullable(Type.Integer()),
      unitName: Nullable(Type.String()),
      includeSubtree: Type.Boolean(),
    }),
  ),
  /** Union of the permissions of every grant. */
  permissions: Type.Array(Type.String()),
  totpEnabled: Type.Boolean(),
  mfaEnrolmentRequired: Type.Boolean(),
  /** Send as `x-csrf-token` on writes; null for bearer tokens, which need none. */
  csrfToken: Nullable(Type.String()),
  sessionExpiresAt: Type.String({ format: 'date-time' }),
});
export type Me = Static<typeof Me>;

export const LoginResponse = Type.Object({ user: Me, csrfToken: Type.String() });

export const TokenResponse = Type.Object({
  accessToken: Type.String(),
  tokenType: Type.Literal('Bearer'),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const TotpSetupResponse = Type.Object({
  secret: Type.String({ description: 'Khóa bí mật (base32) để nhập thủ công' }),
  otpauthUrl: Type.String(),
  qrDataUrl: Type.String({ description: 'Mã QR dạng data:image/png;base64' }),
});

export const NoContent = Type.Null({ description: 'Thành công, không có nội dung' });
