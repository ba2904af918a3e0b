import { Type, type Static } from '@sinclair/typebox';

const OrganId = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$', description: 'Mã định danh cơ quan, e.g. 000.00.00.H29' });

export const NewPeerBody = Type.Object(
  {
    organId: OrganId,
    name: Type.String({ minLength: 1, maxLength: 300 }),
    baseUrl: Type.String({ pattern: '^https?://[^\\s/?#]+(/[^\\s?#]*)?$', maxLength: 300, description: 'https://vanban.laichau.gov.vn' }),
    secret: Type.String({ minLength: 32, maxLength: 200, description: 'Khóa bí mật dùng chung (HMAC-SHA256), ít nhất 32 ký tự' }),
    hostedOrganIds: Type.Optional(Type.Array(OrganId, { maxItems: 500, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type NewPeerBody = Static<typeof NewPeerBody>;

export const Peer = Type.Object({
  id: Type.Integer(),
  organId: Type.String(),
  name: Type.String(),
  baseUrl: Type.String(),
  hostedOrganIds: Type.Array(Type.String()),
  status: Type.String(),
  createdAt: Type.String(),
});
export type Peer = Static<typeof Peer>;
export const PeerList = Type.Object({ items: Type.Array(Peer) });
export type PeerList = Static<typeof PeerList>;
export const PeerIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const Accepted = Type.Object({ status: Type.String(), documentId: Type.Optional(Type.Integer()) });
