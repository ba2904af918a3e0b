import { describe, expect, it } from 'vitest';
import { parseMerchantList, parseMerchantSpec } from './merchants.js';

describe('sandbox merchants from CODE:SECRET:IPN_URL', () => {
  it('splits on the first two colons only, so the IPN URL keeps its own', () => {
    expect(parseMerchantSpec('CQSDEMO:s3cret:http://localhost:3000/api/payments/gateway/ipn')).toEqual({
      code: 'CQSDEMO',
      secret: 's3cret',
      ipnUrl: 'http://localhost:3000/api/payments/gateway/ipn',
    });
  });

  it.each([
    ['no secret or URL', 'CQSDEMO'],
    ['an empty secret', 'CQSDEMO::http://localhost/ipn'],
    ['a code with spaces', 'CQS DEMO:s:http://localhost/ipn'],
    ['a URL that is not one', 'CQSDEMO:s:not a url'],
    ['a non-web URL', 'CQSDEMO:s:ftp://localhost/ipn'],
  ])('refuses %s', (_case, spec) => {
    expect(() => parseMerchantSpec(spec)).toThrow(RangeError);
  });

  it('reads repeated flags and the comma-separated environment list together, refusing a code given twice', () => {
    const merchants = parseMerchantList(['A1:x:http://a/ipn', 'B2:y:http://b/ipn, C3:z:http://c/ipn', '']);
    expect(merchants.map((m) => m.code)).toEqual(['A1', 'B2', 'C3']);
    expect(() => parseMerchantList(['A1:x:http://a/ipn', 'A1:y:http://b/ipn'])).toThrow(/twice/);
  });

  it('does not repeat the secret in its error messages', () => {
    expect(() => parseMerchantSpec('BAD CODE:hemmelig:http://a/ipn')).not.toThrow(/hemmelig/);
    expect(() => parseMerchantSpec('CQSDEMO:hemmelig:nope')).not.toThrow(/hemmelig/);
  });
});
