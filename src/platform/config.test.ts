import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration from environment variables', () => {
  it('has working defaults: port 3000, ./data, SQLite', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['DATABASE_URL', 'not a url'],
    ['PUBLIC_URL', 'ftp://example.vn'],
    ['CQS_DEMO_PASSWORD', 'short'],
    ['LOG_LEVEL', 'loud'],
    ['TRUST_PROXY', 'maybe'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['METRICS_TOKEN', 'short'],
    ['UPLOAD_MAX_BYTES', '10MB'],
    ['UPLOAD_MAX_BYTES', '100'],
    ['SMTP_URL', 'http://relay.example.vn'],
    ['MAIL_FROM', 'not an address'],
    ['OUTBOX_MAX_ATTEMPTS', '0'],
    ['DOSSIER_CODE_PATTERN', '{unitCode}-{seq4}'],
    ['DOSSIER_CODE_PATTERN', '{yymmdd}-{seq4}'],
    ['DOSSIER_CODE_PATTERN', '{unitCode}-{yymmdd}'],
    ['DOSSIER_CODE_PATTERN', '{unitCode} {yymmdd}-{seq4}'],
    ['DOSSIER_CODE_PATTERN', '{unitCode}-{yymmdd}-{seq4}-{year}'],
  ])('stops with a message naming %s when it is %s', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    try {
      loadConfig({ [variable]: value });
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message).toContain(variable);
    }
  });

  it('reads the mail relay and sender, with a Vietnamese default sender and mail held back without SMTP_URL', () => {
    expect(loadConfig({}).mail).toEqual({ smtpUrl: undefined, from: '"Chính quyền số" <no-reply@localhost>' });
    expect(loadConfig({}).outbox.maxAttempts).toBe(8);
    const config = loadConfig({ SMTP_URL: 'smtp://relay:2525', MAIL_FROM: '"Sở Tư pháp" <stp@dienbien.gov.vn>', OUTBOX_MAX_ATTEMPTS: '3' });
    expect(config.mail).toEqual({ smtpUrl: 'smtp://relay:2525', from: '"Sở Tư pháp" <stp@dienbien.gov.vn>' });
    expect(config.outbox.maxAttempts).toBe(3);
  });

  it('reads the dossier code pattern, defaulting to Circular 01/2018 {unitCode}-{yymmdd}-{seq4}', () => {
    expect(loadConfig({}).dossier.codePattern).toBe('{unitCode}-{yymmdd}-{seq4}');
    expect(loadConfig({ DOSSIER_CODE_PATTERN: 'H18.{unitCode}/{yyyy}{mm}{dd}.{seq5}' }).dossier.codePattern).toBe('H18.{unitCode}/{yyyy}{mm}{dd}.{seq5}');
  });

  it('accepts PostgreSQL URLs and strips a trailing slash from PUBLIC_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/cqs', PUBLIC_URL: 'https://dichvucong.dienbien.gov.vn/' });
    expect(config.databaseUrl).toBe('postgres://u@db:5432/cqs');
    expect(config.publicUrl).toBe('https://dichvucong.dienbien.gov.vn');
  });

  it('limits uploads to 100 MiB unless UPLOAD_MAX_BYTES says otherwise', () => {
    expect(loadConfig({}).uploadMaxBytes).toBe(100 * 1024 * 1024);
    expect(loadConfig({ UPLOAD_MAX_BYTES: '52428800' }).uploadMaxBytes).toBe(52_428_800);
  });

  it('requires OIDC_CLIENT_ID when OIDC_ISSUER is set', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://id.example.vn' })).toThrow(/OIDC_CLIENT_ID/);
  });

  it('has no payment gateway by default and a 15-minute payment attempt', () => {
    expect(loadConfig({}).payment).toEqual({ gatewayUrl: undefined, merchantCode: undefined, hashSecret: undefined, attemptMinutes: 15 });
  });

  it('reads the payment gateway when all three variables are set', () => {
    const config = loadConfig({
      PAYMENT_GATEWAY_URL: 'https://sandbox.example.vn/paymentv2/vpcpay.html',
      PAYMENT_MERCHANT_CODE: 'CQSDEMO',
      PAYMENT_HASH_SECRET: 'bí mật dùng chung',
      PAYMENT_ATTEMPT_MINUTES: '20',
    });
    expect(config.payment).toEqual({
      gatewayUrl: 'https://sandbox.example.vn/paymentv2/vpcpay.html',
      merchantCode: 'CQSDEMO',
      hashSecret: 'bí mật dùng chung',
      attemptMinutes: 20,
    });
  });

  const complete = { PAYMENT_GATEWAY_URL: 'http://localhost:8089/pay', PAYMENT_MERCHANT_CODE: 'CQSDEMO', PAYMENT_HASH_SECRET: 'secret' };
  it.each([
    ['PAYMENT_GATEWAY_URL', { ...complete, PAYMENT_GATEWAY_URL: '' }],
    ['PAYMENT_MERCHANT_CODE', { ...complete, PAYMENT_MERCHANT_CODE: undefined }],
    ['PAYMENT_HASH_SECRET', { PAYMENT_GATEWAY_URL: 'http://localhost:8089/pay', PAYMENT_MERCHANT_CODE: 'CQSDEMO' }],
    ['PAYMENT_GATEWAY_URL', { ...complete, PAYMENT_GATEWAY_URL: 'ftp://gateway.example.vn' }],
    ['PAYMENT_MERCHANT_CODE', { ...complete, PAYMENT_MERCHANT_CODE: 'CQS DEMO' }],
    ['PAYMENT_ATTEMPT_MINUTES', { ...complete, PAYMENT_ATTEMPT_MINUTES: '0' }],
  ])('stops naming %s when the payment gateway is incomplete or wrong (%o)', (variable, env) => {
    let refused: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).variable).toBe(variable);
    expect((refused as Error).message).toContain(variable);
  });

  it('never repeats the hash secret in a configuration error', () => {
    expect(() => loadConfig({ PAYMENT_HASH_SECRET: 'super-secret-value' })).toThrow(ConfigError);
    try {
      loadConfig({ PAYMENT_HASH_SECRET: 'super-secret-value' });
    } catch (error) {
      expect((error as Error).message).not.toContain('super-secret-value');
    }
  });

  it('refuses load and slow clients with defaults for a 2-core node, and reads every limit (issue 7)', () => {
    const defaults = loadConfig({});
    expect(defaults.uploadMaxBytes).toBe(100 * 1_048_576);
    expect(defaults.databaseConnectTimeoutMs).toBe(5_000);
    expect(defaults.overload).toMatchObject({ maxEventLoopDelayMs: 1_000, maxRssBytes: 0, maxRequestsInFlight: 512, ratePerIpPerMinute: 6_000, retryAfterSeconds: 5 });
    expect(defaults.overload.maxHeapUsedBytes).toBeGreaterThan(0);
    expect(defaults.server).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 900_000,
      connectionTimeoutMs: 120_000,
      keepAliveTimeoutMs: 65_000,
      maxRequestsPerSocket: 0,
      listenBacklog: 4_096,
    });
    const set = loadConfig({
      OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '0',
      OVERLOAD_MAX_HEAP_USED_BYTES: '1048576',
      OVERLOAD_MAX_RSS_BYTES: '2097152',
      MAX_REQUESTS_IN_FLIGHT: '7',
      RATE_LIMIT_PER_IP_PER_MINUTE: '0',
      OVERLOAD_RETRY_AFTER_SECONDS: '9',
      SERVER_HEADERS_TIMEOUT_MS: '2000',
      SERVER_REQUEST_TIMEOUT_MS: '3000',
    });
    expect(set.overload).toEqual({ maxEventLoopDelayMs: 0, maxHeapUsedBytes: 1_048_576, maxRssBytes: 2_097_152, maxRequestsInFlight: 7, ratePerIpPerMinute: 0, retryAfterSeconds: 9 });
    expect(set.server).toMatchObject({ headersTimeoutMs: 2_000, requestTimeoutMs: 3_000 });
  });

  it.each([
    ['MAX_REQUESTS_IN_FLIGHT', '-1'],
    ['RATE_LIMIT_PER_IP_PER_MINUTE', 'many'],
    ['OVERLOAD_RETRY_AFTER_SECONDS', '0'],
    ['DATABASE_CONNECT_TIMEOUT_MS', '10'],
    ['SERVER_HEADERS_TIMEOUT_MS', '5s'],
  ])('stops with a message naming %s when it is %s', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(variable);
  });

  it('refuses a request timeout shorter than the headers timeout (Node would not start)', () => {
    expect(() => loadConfig({ SERVER_HEADERS_TIMEOUT_MS: '5000', SERVER_REQUEST_TIMEOUT_MS: '1000' })).toThrow('SERVER_REQUEST_TIMEOUT_MS');
  });
});
