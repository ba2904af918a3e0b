import { Type, type Static } from '@sinclair/typebox';

export const FileMeta = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    mediaType: Type.Union([Type.Literal('application/pdf'), Type.Literal('image/jpeg'), Type.Literal('image/png')]),
    size: Type.Integer({ minimum: 0 }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    name: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'FileMeta', description: 'Tệp đã lưu (stored file)' },
);
export type FileMeta = Static<typeof FileMeta>;

export const FileIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export type FileIdParams = Static<typeof FileIdParams>;
