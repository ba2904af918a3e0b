/** What a dossier owes (payment_orders.status): open until paid, or cancelled with the dossier. */
export const OrderStatus = { Pending: 'pending', Paid: 'paid', Cancelled: 'cancelled' } as const;
export type OrderStatusCode = (typeof OrderStatus)[keyof typeof OrderStatus];

/** One redirect to the gateway (payment_attempts.status); `started` until the gateway's IPN says how it ended. */
export const AttemptStatus = { Started: 'started', Succeeded: 'succeeded', Declined: 'declined', Expired: 'expired' } as const;
export type AttemptStatusCode = (typeof AttemptStatus)[keyof typeof AttemptStatus];
/** Attempts the gateway may still settle: an expired one too, since money taken late is still money taken. */
export const OPEN_ATTEMPT_STATUSES: AttemptStatusCode[] = [AttemptStatus.Started, AttemptStatus.Expired];

/** How money reached the unit (payments.channel). */
export const PaymentChannel = { Gateway: 'gateway', Cash: 'cash', BankTransfer: 'bank_transfer' } as const;
export type PaymentChannelCode = (typeof PaymentChannel)[keyof typeof PaymentChannel];
export const COUNTER_METHODS = [PaymentChannel.Cash, PaymentChannel.BankTransfer] as const;
export type CounterMethod = (typeof COUNTER_METHODS)[number];

/** A payment is `valid`, or a `duplicate`: money taken for an order already paid or cancelled (to be refunded). */
export const PaymentStatus = { Valid: 'valid', Duplicate: 'duplicate' } as const;
export type PaymentStatusCode = (typeof PaymentStatus)[keyof typeof PaymentStatus];

export const PAYMENT_CHANNEL_LABELS: Record<PaymentChannelCode, { vi: string; en: string }> = {
  gateway: { vi: 'Thanh toán trực tuyến qua cổng thanh toán', en: 'Online, through the payment gateway' },
  cash: { vi: 'Tiền mặt', en: 'Cash' },
  bank_transfer: { vi: 'Chuyển khoản', en: 'Bank transfer' },
};

/**
 * The gateway's IPN answers (RspCode/Message, as the VNPAY-style gateways expect them: ASCII English messages).
 * The gateway retries until it reads 00 or 02; every other code tells it the callback was not accepted.
 */
export const IpnAnswer = {
  Confirmed: { RspCode: '00', Message: 'Confirm Success' },
  OrderNotFound: { RspCode: '01', Message: 'Order not found' },
  AlreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  InvalidAmount: { RspCode: '04', Message: 'Invalid amount' },
  InvalidChecksum: { RspCode: '97', Message: 'Invalid Checksum' },
  InvalidMerchant: { RspCode: '99', Message: 'Invalid merchant' },
  Unknown: { RspCode: '99', Message: 'Unknown error' },
} as const;
export type IpnResponse = { RspCode: string; Message: string };
