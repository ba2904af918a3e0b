import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schema-types.js';

const Instant = Type.String({ description: 'ISO-8601 UTC' });
const Vnd = Type.Integer({ description: 'Số tiền (đồng, số nguyên)' });

export const FeeLineSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  unitAmountVnd: Vnd,
  quantity: Type.Integer(),
  amountVnd: Vnd,
  reduction: Nullable(Type.Object({ code: Type.String(), name: Type.String(), percent: Type.Integer(), amountVnd: Vnd })),
  payableVnd: Vnd,
});

export const DossierPayment = Type.Object({
  order: Nullable(
    Type.Object({
      amountVnd: Vnd,
      status: Type.String({ description: 'pending, paid, cancelled' }),
      lines: Type.Array(FeeLineSchema),
      createdAt: Instant,
      paidAt: Nullable(Instant),
    }),
  ),
  payments: Type.Array(
    Type.Object({
      id: Type.Integer(),
      channel: Type.String({ description: 'gateway, cash, bank_transfer' }),
      amountVnd: Vnd,
      receiptNo: Type.String(),
      paidAt: Instant,
      status: Type.String({ description: 'valid, duplicate (to be refunded)' }),
    }),
  ),
  attempts: Type.Array(Type.Object({ txnRef: Type.String(), status: Type.String(), createdAt: Instant, responseCode: Nullable(Type.String()) })),
  canPayOnline: Type.Boolean(),
  canRecordCounter: Type.Boolean(),
});
export type DossierPayment = Static<typeof DossierPayment>;

export const OnlinePayment = Type.Object({ paymentUrl: Type.String(), txnRef: Type.String(), expiresAt: Instant });
export type OnlinePayment = Static<typeof OnlinePayment>;

export const CounterPaymentBody = Type.Object(
  {
    method: Type.Union([Type.Literal('cash'), Type.Literal('bank_transfer')]),
    amountVnd: Type.Integer({ minimum: 1, maximum: 1_000_000_000_000 }),
    reference: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type CounterPaymentBody = Static<typeof CounterPaymentBody>;

export const IpnAnswerSchema = Type.Object({ RspCode: Type.String(), Message: Type.String() });

export const GatewayReturn = Type.Object({
  valid: Type.Boolean({ description: 'Chữ ký hợp lệ và giao dịch có trong hệ thống' }),
  dossierCode: Nullable(Type.String()),
  txnRef: Nullable(Type.String()),
  approved: Type.Boolean(),
  orderStatus: Nullable(Type.String({ description: 'pending, paid, cancelled' })),
  amountVnd: Nullable(Vnd),
  receiptId: Nullable(Type.Integer()),
});
export type GatewayReturn = Static<typeof GatewayReturn>;

export const PaymentIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const ReceiptList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      receiptNo: Type.String(),
      dossierCode: Type.String(),
      procedureName: Type.String(),
      amountVnd: Vnd,
      channel: Type.String(),
      paidAt: Instant,
    }),
  ),
});
export type ReceiptList = Static<typeof ReceiptList>;
