import { createHmac, timingSafeEqual } from 'node:crypto';
import { MS_PER_MINUTE, VIETNAM_TIME_ZONE } from '../calendar/local-time.js';

/**
 * The payment gateway protocol (VNPAY-style `vnp_*` parameters, version 2.1.0), shared by the platform and the
 * sandbox gateway so that both sides sign and read exactly the same way (payments contract, "Gateway protocol").
 */

export type GatewayParams = Record<string, string>;

export const HASH_PARAM = 'vnp_SecureHash';
const HASH_TYPE_PARAM = 'vnp_SecureHashType';

/** vnp_ResponseCode values the platform acts on. */
export const RESPONSE_CODE = { approved: '00', cancelledByPayer: '24' } as const;
/** vnp_TransactionStatus values. */
export const TRANSACTION_STATUS = { success: '00', failed: '02' } as const;

// The gateway's form encoding: encodeURIComponent with spaces as '+' (what the gateway's own libraries produce).
function encode(text: string): string {
  return encodeURIComponent(text).replace(/%20/g, '+');
}

/**
 * The string that is signed: the non-empty `vnp_*` parameters except the hash itself, sorted by key
 * (code-unit order, not locale order: both sides must agree byte for byte), encoded, joined by '&'.
 */
export function canonicalString(params: Readonly<Record<string, string | undefined>>): string {
  return Object.keys(params)
    .filter((key) => key.startsWith('vnp_') && key !== HASH_PARAM && key !== HASH_TYPE_PARAM)
    .filter((key) => (params[key] ?? '') !== '')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => `${encode(key)}=${encode(params[key]!)}`)
    .join('&');
}

/** HMAC-SHA512 of the canonical string, lowercase hex. */
export function signParams(params: Readonly<Record<string, string | undefined>>, secret: string): string {
  return createHmac('sha512', secret).update(canonicalString(params), 'utf8').digest('hex');
}

/** The parameters with `vnp_SecureHash` set (any previous hash replaced). */
export function withSignature(params: Readonly<GatewayParams>, secret: string): GatewayParams {
  const unsigned = { ...params };
  delete unsigned[HASH_PARAM];
  delete unsigned[HASH_TYPE_PARAM];
  return { ...unsigned, [HASH_PARAM]: signParams(unsigned, secret) };
}

/** True when `vnp_SecureHash` is the signature of the other parameters (hex compared case-insensitively, in constant time). */
export function verifyParams(params: Readonly<Record<string, string | undefined>>, secret: string): boolean {
  const given = params[HASH_PARAM];
  if (typeof given !== 'string' || !/^[0-9a-fA-F]{128}$/.test(given)) return false;
  const expected = Buffer.from(signParams(params, secret), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

/** The query string in the gateway's encoding, keys sorted (the hash last when present). */
export function toQueryString(params: Readonly<GatewayParams>): string {
  const hash = params[HASH_PARAM];
  const rest = canonicalString(params);
  return hash ? `${rest}&${HASH_PARAM}=${encode(hash)}` : rest;
}

/** Adds the query string to a URL that may already carry one. */
export function appendQuery(url: string, query: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

/** A URL's query (or URLSearchParams) as a plain object; a repeated key keeps its first value. */
export function paramsFromQuery(search: string | URLSearchParams): GatewayParams {
  const params: GatewayParams = {};
  for (const [key, value] of new URLSearchParams(search)) if (!(key in params)) params[key] = value;
  return params;
}

const GATEWAY_DATE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;
const OFFSET_MS = VIETNAM_TIME_ZONE.utcOffsetMinutes * MS_PER_MINUTE;

/** `yyyyMMddHHmmss` on the Viet Nam wall clock (the gateway's vnp_CreateDate, vnp_ExpireDate, vnp_PayDate). */
export function formatGatewayDate(date: Date): string {
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 19).replace(/\D/g, '');
}

/** Reads `yyyyMMddHHmmss` (Viet Nam wall clock); undefined when it is not a real date and time. */
export function findGatewayDate(text: string): Date | undefined {
  const match = GATEWAY_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 31 February over to March and 24:00 to the next day: the round trip refuses both.
  if (local.getUTCFullYear() !== year || local.getUTCMonth() !== month - 1 || local.getUTCDate() !== day
    || local.getUTCHours() !== hour || local.getUTCMinutes() !== minute || local.getUTCSeconds() !== second) {
    return undefined;
  }
  return new Date(local.getTime() - OFFSET_MS);
}

/** Reads `yyyyMMddHHmmss` (Viet Nam wall clock); throws RangeError when invalid. */
export function parseGatewayDate(text: string): Date {
  const date = findGatewayDate(text);
  if (!date) throw new RangeError(`not a gateway date yyyyMMddHHmmss: ${JSON.stringify(text)}`);
  return date;
}

/** vnp_Amount carries the amount × 100 (the gateway's minor unit; VND has none, so always a multiple of 100). */
export function amountToGateway(amountVnd: number): string {
  if (!Number.isSafeInteger(amountVnd) || amountVnd < 0 || !Number.isSafeInteger(amountVnd * 100)) {
    throw new RangeError(`amount must be a whole number of đồng: ${amountVnd}`);
  }
  return String(amountVnd * 100);
}

/** The amount in đồng from vnp_Amount; undefined unless a non-negative integer multiple of 100. */
export function findAmountFromGateway(text: string): number | undefined {
  if (!/^\d{1,17}$/.test(text)) return undefined;
  const minor = Number(text);
  if (!Number.isSafeInteger(minor) || minor % 100 !== 0) return undefined;
  return minor / 100;
}

/** The amount in đồng from vnp_Amount; throws RangeError unless a non-negative integer multiple of 100. */
export function amountFromGateway(text: string): number {
  const amount = findAmountFromGateway(text);
  if (amount === undefined) throw new RangeError(`vnp_Amount must be a whole multiple of 100: ${JSON.stringify(text)}`);
  return amount;
}

export interface PaymentRequest {
  gatewayUrl: string;
  merchantCode: string;
  secret: string;
  amountVnd: number;
  /** Merchant's reference of this attempt, unique per attempt ([A-Za-z0-9-]). */
  txnRef: string;
  orderInfo: string;
  returnUrl: string;
  ipAddr: string;
  createdAt: Date;
  expiresAt: Date;
  locale: 'vn' | 'en';
}

/** The signed request parameters for the gateway's payment page. */
export function paymentRequestParams(request: PaymentRequest): GatewayParams {
  return withSignature(
    {
      vnp_Version: '2.1.0',
      vnp_Command: 'pay',
      vnp_TmnCode: request.merchantCode,
      vnp_Amount: amountToGateway(request.amountVnd),
      vnp_CurrCode: 'VND',
      vnp_TxnRef: request.txnRef,
      vnp_OrderInfo: request.orderInfo,
      vnp_OrderType: 'other',
      vnp_Locale: request.locale,
      vnp_ReturnUrl: request.returnUrl,
      vnp_IpAddr: request.ipAddr,
      vnp_CreateDate: formatGatewayDate(request.createdAt),
      vnp_ExpireDate: formatGatewayDate(request.expiresAt),
    },
    request.secret,
  );
}

/** The URL the payer's browser is sent to. */
export function buildPaymentUrl(request: PaymentRequest): string {
  return appendQuery(request.gatewayUrl, toQueryString(paymentRequestParams(request)));
}

/** What the gateway reports about one transaction (IPN and return URL carry the same parameters). */
export interface GatewayResult {
  merchantCode: string;
  amountVnd: number;
  bankCode: string;
  bankTranNo: string;
  orderInfo: string;
  payDate: Date;
  /** '00' approved, '24' cancelled by the payer (RESPONSE_CODE). */
  responseCode: string;
  transactionNo: string;
  /** '00' success, '02' failed (TRANSACTION_STATUS). */
  transactionStatus: string;
  txnRef: string;
}

/** The signed result parameters (the sandbox sends these; the platform's tests can forge them with the secret). */
export function signResult(fields: GatewayResult, secret: string): GatewayParams {
  return withSignature(
    {
      vnp_TmnCode: fields.merchantCode,
      vnp_Amount: amountToGateway(fields.amountVnd),
      vnp_BankCode: fields.bankCode,
      vnp_BankTranNo: fields.bankTranNo,
      vnp_CardType: 'ATM',
      vnp_OrderInfo: fields.orderInfo,
      vnp_PayDate: formatGatewayDate(fields.payDate),
      vnp_ResponseCode: fields.responseCode,
      vnp_TransactionNo: fields.transactionNo,
      vnp_TransactionStatus: fields.transactionStatus,
      vnp_TxnRef: fields.txnRef,
    },
    secret,
  );
}

/** A result as read back: vnp_PayDate may be absent on a cancelled payment. */
export type ReceivedResult = Omit<GatewayResult, 'payDate'> & { payDate: Date | undefined };

/**
 * Reads result parameters (not checking the signature: call verifyParams first); undefined when a required
 * parameter is missing or malformed.
 */
export function findResult(params: Readonly<Record<string, string | undefined>>): ReceivedResult | undefined {
  const required = ['vnp_TmnCode', 'vnp_Amount', 'vnp_ResponseCode', 'vnp_TxnRef', 'vnp_TransactionNo', 'vnp_TransactionStatus'];
  if (required.some((key) => !params[key])) return undefined;
  const amountVnd = findAmountFromGateway(params.vnp_Amount!);
  if (amountVnd === undefined) return undefined;
  const payDate = params.vnp_PayDate ? findGatewayDate(params.vnp_PayDate) : undefined;
  if (params.vnp_PayDate && !payDate) return undefined;
  return {
    merchantCode: params.vnp_TmnCode!,
    amountVnd,
    bankCode: params.vnp_BankCode ?? '',
    bankTranNo: params.vnp_BankTranNo ?? '',
    orderInfo: params.vnp_OrderInfo ?? '',
    payDate,
    responseCode: params.vnp_ResponseCode!,
    transactionNo: params.vnp_TransactionNo!,
    transactionStatus: params.vnp_TransactionStatus!,
    txnRef: params.vnp_TxnRef!,
  };
}

/** True when the result says the money was taken. */
export function isApproved(result: Pick<GatewayResult, 'responseCode' | 'transactionStatus'>): boolean {
  return result.responseCode === RESPONSE_CODE.approved && result.transactionStatus === TRANSACTION_STATUS.success;
}
