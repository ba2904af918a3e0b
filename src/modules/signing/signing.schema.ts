import { Type } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schema-types.js';

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const CertificateSummary = Type.Object({
  subject: Type.String(),
  issuer: Type.String(),
  serial: Type.String(),
  notBefore: Type.String({ format: 'date-time' }),
  notAfter: Type.String({ format: 'date-time' }),
});

export const SignatureReport = Type.Object({
  signerName: Nullable(Type.String()),
  organisation: Nullable(Type.String()),
  signedAt: Nullable(Type.String({ format: 'date-time' })),
  intact: Type.Boolean({ description: 'Nội dung không bị thay đổi kể từ khi ký (the signed bytes are unchanged)' }),
  coversWholeDocument: Type.Boolean({ description: 'false khi có nội dung bổ sung sau chữ ký (e.g. a later signature)' }),
  trusted: Type.Boolean({ description: 'Chứng thư thuộc tổ chức chứng thực trong danh sách tin cậy' }),
  certificateValid: Type.Boolean({ description: 'Chứng thư còn hiệu lực tại thời điểm ký' }),
  problems: Type.Array(Type.String()),
  certificate: Nullable(CertificateSummary),
});

export const VerifyResult = Type.Object({ signatures: Type.Array(SignatureReport) });

export const TrustAnchor = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  subject: Type.String(),
  issuer: Type.String(),
  serial: Type.String(),
  notBefore: Type.String(),
  notAfter: Type.String(),
  fingerprintSha256: Type.String(),
  createdAt: Type.String(),
});

export const Credential = Type.Object({
  id: Type.Integer(),
  ownerKind: Type.Union([Type.Literal('user'), Type.Literal('unit_seal')]),
  userId: Nullable(Type.Integer()),
  unitId: Nullable(Type.Integer()),
  label: Type.String(),
  subjectName: Type.String(),
  organisation: Nullable(Type.String()),
  issuer: Type.String(),
  serial: Type.String(),
  notBefore: Type.String(),
  notAfter: Type.String(),
  fingerprintSha256: Type.String(),
  createdAt: Type.String(),
});

export const SessionCredential = Type.Object({
  subjectName: Type.String(),
  organisation: Nullable(Type.String()),
  issuer: Type.String(),
  serial: Type.String(),
  notBefore: Type.String(),
  notAfter: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.String(),
});

export const MyCredentials = Type.Object({ registered: Type.Array(Credential), session: Nullable(SessionCredential) });
