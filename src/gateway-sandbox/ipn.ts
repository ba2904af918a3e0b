import { appendQuery, toQueryString, type GatewayParams } from '../platform/payment-gateway/protocol.js';

/** The merchant's answer to one IPN; RspCode null when there was no readable answer. */
export interface IpnAnswer {
  RspCode: string | null;
  Message: string;
}

const IPN_TIMEOUT_MS = 10_000;

/** Sends `GET {ipnUrl}?{signed result params}` as the real gateway does and reads the merchant's JSON answer. */
export async function sendIpn(ipnUrl: string, params: GatewayParams): Promise<IpnAnswer> {
  try {
    const response = await fetch(appendQuery(ipnUrl, toQueryString(params)), { signal: AbortSignal.timeout(IPN_TIMEOUT_MS) });
    const text = await response.text();
    try {
      const body = JSON.parse(text) as { RspCode?: unknown; Message?: unknown };
      if (typeof body.RspCode === 'string') return { RspCode: body.RspCode, Message: String(body.Message ?? '') };
    } catch {
      // Not JSON: reported below like any other unreadable answer.
    }
    return { RspCode: null, Message: `HTTP ${response.status}: câu trả lời không đọc được (unreadable answer)` };
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'hết thời gian chờ (timeout)' : 'không kết nối được (connection failed)';
    return { RspCode: null, Message: reason };
  }
}
