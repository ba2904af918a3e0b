import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountFromGateway,
  amountToGateway,
  buildPaymentUrl,
  canonicalString,
  findAmountFromGateway,
  findGatewayDate,
  findResult,
  formatGatewayDate,
  isApproved,
  paramsFromQuery,
  parseGatewayDate,
  signParams,
  signResult,
  verifyParams,
  withSignature,
} from './protocol.js';

const SECRET = 'SECRETKEY123';

/** Computed here without the module: the expected HMAC of a canonical string written out by hand. */
function hmac(text: string, secret = SECRET): string {
  return createHmac('sha512', secret).update(text, 'utf8').digest('hex');
}

describe('signing gateway parameters (HMAC-SHA512 over the sorted, encoded vnp_* parameters)', () => {
  it('signs the hand-written canonical string: sorted keys, spaces as +, hash and non-vnp keys left out', () => {
    const params = {
      vnp_TxnRef: 'HS-001',
      vnp_Amount: '1000000',
      vnp_OrderInfo: 'Nop le phi ho so',
      vnp_TmnCode: 'CQSDEMO',
      vnp_SecureHash: 'ignored',
      vnp_SecureHashType: 'HmacSHA512',
      vnp_BankCode: '',
      other: 'not signed',
    };
    const expected = 'vnp_Amount=1000000&vnp_OrderInfo=Nop+le+phi+ho+so&vnp_TmnCode=CQSDEMO&vnp_TxnRef=HS-001';
    expect(canonicalString(params)).toBe(expected);
    expect(signParams(params, SECRET)).toBe(hmac(expected));
    expect(signParams(params, SECRET)).toMatch(/^[0-9a-f]{128}$/);
  });

  it('percent-encodes Vietnamese text as UTF-8 and reserved characters, and sorts by code unit (uppercase before lowercase)', () => {
    const params = {
      vnp_OrderInfo: 'Nộp lệ phí hồ sơ 000.00.12.H18-260101-0001',
      vnp_ReturnUrl: 'http://localhost:3000/portal/payments/return?a=1&b=2',
      vnp_a: 'x+y',
      vnp_Z: '50%',
    };
    const expected = [
      'vnp_OrderInfo=N%E1%BB%99p+l%E1%BB%87+ph%C3%AD+h%E1%BB%93+s%C6%A1+000.00.12.H18-260101-0001',
      'vnp_ReturnUrl=http%3A%2F%2Flocalhost%3A3000%2Fportal%2Fpayments%2Freturn%3Fa%3D1%26b%3D2',
      'vnp_Z=50%25',
      'vnp_a=x%2By',
    ].join('&');
    expect(canonicalString(params)).toBe(expected);
    expect(signParams(params, SECRET)).toBe(hmac(expected));
    expect(signParams(params, 'bí mật')).toBe(hmac(expected, 'bí mật'));
  });

  it('verifies its own signature, upper-case hex too, and refuses a changed value, a missing or malformed hash, another secret', () => {
    const signed = withSignature({ vnp_Amount: '1000000', vnp_TxnRef: 'HS-001', vnp_OrderInfo: 'Lệ phí' }, SECRET);
    expect(verifyParams(signed, SECRET)).toBe(true);
    expect(verifyParams({ ...signed, vnp_SecureHash: signed.vnp_SecureHash.toUpperCase() }, SECRET)).toBe(true);
    expect(verifyParams({ ...signed, vnp_Amount: '2000000' }, SECRET)).toBe(false);
    expect(verifyParams({ ...signed, vnp_OrderInfo: 'Le phi' }, SECRET)).toBe(false);
    expect(verifyParams({ ...signed, vnp_BankCode: 'NCB' }, SECRET)).toBe(false);
    expect(verifyParams({ ...signed, vnp_SecureHash: undefined }, SECRET)).toBe(false);
    expect(verifyParams({ ...signed, vnp_SecureHash: signed.vnp_SecureHash.slice(2) }, SECRET)).toBe(false);
    expect(verifyParams({ ...signed, vnp_SecureHash: 'zz' + signed.vnp_SecureHash.slice(2) }, SECRET)).toBe(false);
    expect(verifyParams(signed, 'another secret')).toBe(false);
  });

  const vnpKey = fc.stringMatching(/^vnp_[A-Za-z]{1,12}$/);
  const value = fc.string({ minLength: 1, maxLength: 40, unit: 'binary' });

  it('property: whatever the values (any Unicode), sign → verify holds and changing any one value breaks it', () => {
    fc.assert(
      fc.property(fc.dictionary(vnpKey, value, { minKeys: 1, maxKeys: 12 }), fc.nat(), value, (params, pick, replacement) => {
        const signed = withSignature(params, SECRET);
        expect(verifyParams(signed, SECRET)).toBe(true);
        const keys = Object.keys(params);
        const key = keys[pick % keys.length];
        fc.pre(params[key] !== replacement);
        expect(verifyParams({ ...signed, [key]: replacement }, SECRET)).toBe(false);
        expect(verifyParams({ ...signed, [key]: '' }, SECRET)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('property: a signed URL read back by URLSearchParams verifies (the encoding round-trips)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: 'binary' }), fc.integer({ min: 1, max: 1_000_000_000 }), (orderInfo, amountVnd) => {
        const url = buildPaymentUrl({ ...REQUEST, orderInfo: orderInfo || 'x', amountVnd });
        expect(verifyParams(paramsFromQuery(new URL(url).search), SECRET)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

const REQUEST = {
  gatewayUrl: 'http://localhost:8089/pay',
  merchantCode: 'CQSDEMO',
  secret: SECRET,
  amountVnd: 10_000,
  txnRef: 'H18-260101-0001-1',
  orderInfo: 'Nộp lệ phí hồ sơ H18-260101-0001',
  returnUrl: 'http://localhost:3000/portal/payments/return',
  ipAddr: '127.0.0.1',
  createdAt: new Date('2026-01-01T03:04:05Z'),
  expiresAt: new Date('2026-01-01T03:19:05Z'),
  locale: 'vn' as const,
};

describe('the payment URL', () => {
  it('carries the contract parameters (amount ×100, Viet Nam local dates) and a hash over all of them', () => {
    const url = new URL(buildPaymentUrl(REQUEST));
    expect(`${url.origin}${url.pathname}`).toBe('http://localhost:8089/pay');
    const params = paramsFromQuery(url.search);
    expect(params).toEqual({
      vnp_Version: '2.1.0',
      vnp_Command: 'pay',
      vnp_TmnCode: 'CQSDEMO',
      vnp_Amount: '1000000',
      vnp_CurrCode: 'VND',
      vnp_TxnRef: 'H18-260101-0001-1',
      vnp_OrderInfo: 'Nộp lệ phí hồ sơ H18-260101-0001',
      vnp_OrderType: 'other',
      vnp_Locale: 'vn',
      vnp_ReturnUrl: 'http://localhost:3000/portal/payments/return',
      vnp_IpAddr: '127.0.0.1',
      vnp_CreateDate: '20260101100405',
      vnp_ExpireDate: '20260101101905',
      vnp_SecureHash: expect.stringMatching(/^[0-9a-f]{128}$/),
    });
    const canonical = 'vnp_Amount=1000000&vnp_Command=pay&vnp_CreateDate=20260101100405&vnp_CurrCode=VND'
      + '&vnp_ExpireDate=20260101101905&vnp_IpAddr=127.0.0.1&vnp_Locale=vn'
      + '&vnp_OrderInfo=N%E1%BB%99p+l%E1%BB%87+ph%C3%AD+h%E1%BB%93+s%C6%A1+H18-260101-0001&vnp_OrderType=other'
      + '&vnp_ReturnUrl=http%3A%2F%2Flocalhost%3A3000%2Fportal%2Fpayments%2Freturn&vnp_TmnCode=CQSDEMO'
      + '&vnp_TxnRef=H18-260101-0001-1&vnp_Version=2.1.0';
    expect(params.vnp_SecureHash).toBe(hmac(canonical));
    expect(url.search).toBe(`?${canonical}&vnp_SecureHash=${params.vnp_SecureHash}`);
  });

  it('appends to a gateway URL that already has a query', () => {
    const url = buildPaymentUrl({ ...REQUEST, gatewayUrl: 'https://gw.example.vn/pay?lang=vi' });
    expect(url).toMatch(/^https:\/\/gw\.example\.vn\/pay\?lang=vi&vnp_Amount=1000000&/);
  });
});

describe('gateway dates and amounts', () => {
  it('formats and reads yyyyMMddHHmmss on the Viet Nam wall clock (UTC+7), across midnight and year end', () => {
    expect(formatGatewayDate(new Date('2025-12-31T17:00:00Z'))).toBe('20260101000000');
    expect(formatGatewayDate(new Date('2026-03-05T16:59:59.999Z'))).toBe('20260305235959');
    expect(parseGatewayDate('20260101000000').toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(findGatewayDate('20260230120000')).toBeUndefined();
    expect(findGatewayDate('20260101240000')).toBeUndefined();
    expect(findGatewayDate('2026-01-01 00:00')).toBeUndefined();
    expect(() => parseGatewayDate('yesterday')).toThrow(RangeError);
  });

  it('property: format → parse gives back the instant to the second', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        const second = Math.floor(ms / 1000) * 1000;
        expect(parseGatewayDate(formatGatewayDate(new Date(ms))).getTime()).toBe(second);
      }),
    );
  });

  it('converts vnp_Amount (×100) to whole đồng and refuses anything else', () => {
    expect(amountFromGateway('1000000')).toBe(10_000);
    expect(amountFromGateway('0')).toBe(0);
    expect(amountToGateway(10_000)).toBe('1000000');
    for (const bad of ['1000050', '-100', '10.00', '', '1e6', ' 100']) expect(findAmountFromGateway(bad), bad).toBeUndefined();
    expect(() => amountFromGateway('150')).toThrow(RangeError);
    expect(() => amountToGateway(10.5)).toThrow(RangeError);
  });
});

describe('result parameters (IPN and return URL)', () => {
  const result = {
    merchantCode: 'CQSDEMO',
    amountVnd: 10_000,
    bankCode: 'NCB',
    bankTranNo: 'NCB20260101-1',
    orderInfo: 'Nộp lệ phí',
    payDate: new Date('2026-01-01T03:10:00Z'),
    responseCode: '00',
    transactionNo: '1',
    transactionStatus: '00',
    txnRef: 'H18-260101-0001-1',
  };

  it('signs the contract fields and reads them back', () => {
    const params = signResult(result, SECRET);
    expect(Object.keys(params).sort()).toEqual([
      'vnp_Amount', 'vnp_BankCode', 'vnp_BankTranNo', 'vnp_CardType', 'vnp_OrderInfo', 'vnp_PayDate', 'vnp_ResponseCode',
      'vnp_SecureHash', 'vnp_TmnCode', 'vnp_TransactionNo', 'vnp_TransactionStatus', 'vnp_TxnRef',
    ]);
    expect(params.vnp_Amount).toBe('1000000');
    expect(params.vnp_PayDate).toBe('20260101101000');
    expect(params.vnp_CardType).toBe('ATM');
    expect(verifyParams(params, SECRET)).toBe(true);
    expect(findResult(params)).toEqual(result);
    expect(isApproved(result)).toBe(true);
    expect(isApproved({ responseCode: '24', transactionStatus: '02' })).toBe(false);
  });

  it('does not read results with a missing reference or a broken amount', () => {
    const params = signResult(result, SECRET);
    expect(findResult({ ...params, vnp_TxnRef: '' })).toBeUndefined();
    expect(findResult({ ...params, vnp_Amount: '1000001' })).toBeUndefined();
    expect(findResult({ ...params, vnp_PayDate: 'soon' })).toBeUndefined();
  });
});
