import { findAmountFromGateway, findGatewayDate, verifyParams, type GatewayParams } from '../platform/payment-gateway/protocol.js';
import type { SandboxMerchant } from './merchants.js';

/** A payment request the sandbox accepted. */
export interface PayRequest {
  merchant: SandboxMerchant;
  txnRef: string;
  amountVnd: number;
  orderInfo: string;
  returnUrl: string;
  expiresAt: Date;
}

export type PayRequestCheck = { ok: true; request: PayRequest } | { ok: false; problems: string[] };

const REQUIRED = ['vnp_TmnCode', 'vnp_Amount', 'vnp_TxnRef', 'vnp_OrderInfo', 'vnp_ReturnUrl', 'vnp_CreateDate', 'vnp_ExpireDate', 'vnp_SecureHash'];

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Checks a /pay request as the gateway would: parameters, merchant, signature, amount, expiry (in that order). */
export function checkPayRequest(params: GatewayParams, merchants: readonly SandboxMerchant[], now = new Date()): PayRequestCheck {
  const missing = REQUIRED.filter((key) => !params[key]);
  if (missing.length > 0) return { ok: false, problems: [`Thiếu tham số (missing parameters): ${missing.join(', ')}`] };
  const merchant = merchants.find((m) => m.code === params.vnp_TmnCode);
  if (!merchant) return { ok: false, problems: [`Mã đơn vị không tồn tại (unknown merchant): ${params.vnp_TmnCode}`] };
  if (!verifyParams(params, merchant.secret)) return { ok: false, problems: ['Sai chữ ký (invalid signature: vnp_SecureHash)'] };
  const problems: string[] = [];
  if (params.vnp_Command && params.vnp_Command !== 'pay') problems.push(`vnp_Command phải là "pay" (must be pay)`);
  if (params.vnp_CurrCode && params.vnp_CurrCode !== 'VND') problems.push('Chỉ nhận tiền đồng (currency must be VND)');
  const amountVnd = findAmountFromGateway(params.vnp_Amount);
  if (amountVnd === undefined || amountVnd <= 0) {
    problems.push(`Số tiền không hợp lệ (invalid amount: vnp_Amount must be a positive multiple of 100): ${params.vnp_Amount}`);
  }
  if (!isWebUrl(params.vnp_ReturnUrl)) problems.push('Địa chỉ trả về không hợp lệ (invalid vnp_ReturnUrl)');
  if (!findGatewayDate(params.vnp_CreateDate)) problems.push('Ngày tạo không hợp lệ (invalid vnp_CreateDate)');
  const expiresAt = findGatewayDate(params.vnp_ExpireDate);
  if (!expiresAt) problems.push('Hạn thanh toán không hợp lệ (invalid vnp_ExpireDate)');
  else if (expiresAt.getTime() < now.getTime()) problems.push('Giao dịch đã hết hạn thanh toán (the payment request has expired)');
  if (problems.length > 0 || amountVnd === undefined || !expiresAt) return { ok: false, problems };
  return {
    ok: true,
    request: { merchant, txnRef: params.vnp_TxnRef, amountVnd, orderInfo: params.vnp_OrderInfo, returnUrl: params.vnp_ReturnUrl, expiresAt },
  };
}
