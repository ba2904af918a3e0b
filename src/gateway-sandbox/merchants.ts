/** A merchant registered with the sandbox gateway: its code (vnp_TmnCode), shared secret and IPN receiver. */
export interface SandboxMerchant {
  code: string;
  secret: string;
  ipnUrl: string;
}

/**
 * Reads `CODE:SECRET:IPN_URL`. The URL itself contains ':' so only the first two separate; the secret
 * therefore cannot contain ':' (a generated secret never does).
 */
export function parseMerchantSpec(spec: string): SandboxMerchant {
  const first = spec.indexOf(':');
  const second = first < 0 ? -1 : spec.indexOf(':', first + 1);
  if (second < 0) throw new RangeError(`merchant must be CODE:SECRET:IPN_URL, got "${spec.split(':')[0]}:…"`);
  const code = spec.slice(0, first).trim();
  const secret = spec.slice(first + 1, second);
  const ipnUrl = spec.slice(second + 1).trim();
  if (!/^[A-Za-z0-9]{1,32}$/.test(code)) throw new RangeError(`merchant code must be letters and digits: "${code}"`);
  if (secret === '') throw new RangeError(`merchant ${code}: the secret is empty`);
  let url: URL;
  try {
    url = new URL(ipnUrl);
  } catch {
    throw new RangeError(`merchant ${code}: IPN URL is not a URL: "${ipnUrl}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RangeError(`merchant ${code}: IPN URL must be http(s)`);
  return { code, secret, ipnUrl };
}

/** The merchants from repeated --merchant flags and/or the comma-separated GATEWAY_SANDBOX_MERCHANTS list. */
export function parseMerchantList(specs: readonly string[]): SandboxMerchant[] {
  const merchants = specs.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean).map(parseMerchantSpec);
  const seen = new Set<string>();
  for (const m of merchants) {
    if (seen.has(m.code)) throw new RangeError(`merchant ${m.code} is given twice`);
    seen.add(m.code);
  }
  return merchants;
}
