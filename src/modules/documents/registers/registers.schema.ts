import { Type, type Static } from '@sinclair/typebox';

const LocalDate = Type.String({ format: 'date', description: 'yyyy-MM-dd (giờ Việt Nam)' });

export const RegisterKind = { Incoming: 'incoming', Outgoing: 'outgoing' } as const;

export const RegisterQuery = Type.Object(
  {
    kind: Type.Union([Type.Literal(RegisterKind.Incoming), Type.Literal(RegisterKind.Outgoing)]),
    unitId: Type.Integer({ minimum: 1 }),
    from: Type.Optional(LocalDate),
    to: Type.Optional(LocalDate),
  },
  { additionalProperties: false },
);
export type RegisterQuery = Static<typeof RegisterQuery>;
