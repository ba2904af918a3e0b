import path from 'node:path';
import { parsePostgresUrl, PostgresUrlError } from './database/postgres-pool-url.js';
import v8 from 'node:v8';

/**
 * Runtime configuration, read once from environment variables and validated at start.
 * A wrong value stops the process with a message that names the variable (README: "Configuration").
 */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /**
   * PostgreSQL URL; when absent the embedded SQLite file `<dataDir>/cqs.sqlite` is used. May list several hosts
   * (`postgres://u@h1:5432,h2:5432/db`): the server writes to whichever is read-write (docs/scale-out.md).
   */
  databaseUrl: string | undefined;
  /** DATABASE_READ_URL: a hot standby for reports and dashboards (PostgreSQL only), a few seconds behind. */
  databaseReadUrl: string | undefined;
  publicUrl: string;
  demoPassword: string | undefined;
  /** Seed the Điện Biên demo data when the database has no units yet. */
  seedDemoOnStart: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** When set, GET /metrics requires `Authorization: Bearer <token>` (the scraper's secret). */
  metricsToken: string | undefined;
  trustProxy: boolean;
  bodyLimitBytes: number;
  /** Largest accepted upload (POST /api/files), counted while streaming to disk. */
  uploadMaxBytes: number;
  /**
   * Largest file a request holds in memory rather than streaming to disk: a PDF sent for signature verification, a
   * certificate, a document package from another system. Kept well under UPLOAD_MAX_BYTES so that a few concurrent
   * requests cannot exhaust a node's memory (issue 7: memory stays bounded).
   */
  inMemoryFileMaxBytes: number;
  /** How long a new PostgreSQL connection may take before the request answers 503 DATABASE_UNAVAILABLE. */
  databaseConnectTimeoutMs: number;
  /** Refusing load politely (issue 7): beyond these a node answers 503 SERVER_BUSY or 429 RATE_LIMITED. */
  overload: OverloadConfig;
  /** Node HTTP server timeouts against slow clients and idle connections (issue 7). */
  server: ServerTimeouts;
  session: {
    idleMinutes: number;
    absoluteHours: number;
    tokenHours: number;
  };
  login: {
    maxFailedAttempts: number;
    lockoutMinutes: number;
    /** Login/token requests allowed per client IP per minute, shared by all nodes. */
    perIpPerMinute: number;
  };
  oidc: {
    issuer: string | undefined;
    clientId: string | undefined;
    clientSecret: string | undefined;
    /** Button label on the login page, e.g. "VNeID". */
    displayName: string;
    /** Allow plain-http issuers (local test providers only). */
    allowInsecure: boolean;
    /** Claim carrying the citizen's identity number (số định danh cá nhân); providers name it differently. */
    identityClaim: string;
  };
  mail: {
    /** SMTP relay, e.g. smtp://relay:587; when absent e-mails wait in the outbox instead of being sent. */
    smtpUrl: string | undefined;
    /** Sender, e.g. "Chính quyền số" <no-reply@dienbien.gov.vn>. */
    from: string;
  };
  outbox: {
    /** Tries before a job is marked failed. */
    maxAttempts: number;
    /** How long a claimed job belongs to its worker; a worker that dies leaves its job to be taken again after this. */
    leaseSeconds: number;
  };
  dossier: {
    /** Mã hồ sơ pattern (domain.md §4): placeholders {unitCode}, {yyyy}, {yy}, {mm}, {dd}, {yymmdd}, {seqN}. */
    codePattern: string;
  };
  /** Online fee payment gateway (issue 5); without the three values online payment is unavailable. */
  payment: PaymentConfig;
  /**
   * SECRET_KEY: encrypts signing keys at rest (issue 4). When absent, a random key is kept in
   * `<dataDir>/secret.key` (created with mode 0600 on first start).
   */
  secretKey: string | undefined;
}

export interface OverloadConfig {
  /** Mean event-loop delay (ms) above which new requests are refused; 0 = not checked. */
  maxEventLoopDelayMs: number;
  /** V8 heap in use (bytes) above which new requests are refused; 0 = not checked. */
  maxHeapUsedBytes: number;
  /** Resident memory (bytes) above which new requests are refused; 0 = not checked. */
  maxRssBytes: number;
  /** Requests one node works on at once; the next is refused at once instead of queueing; 0 = no cap. */
  maxRequestsInFlight: number;
  /** API requests per client IP per minute on one node; 0 = no limit. */
  ratePerIpPerMinute: number;
  /** Retry-After (seconds) sent with SERVER_BUSY. */
  retryAfterSeconds: number;
}

export interface ServerTimeouts {
  /** A request's headers must arrive within this time (slowloris). */
  headersTimeoutMs: number;
  /** A whole request (headers and body, e.g. a 100 MB upload on a slow line) must arrive within this time. */
  requestTimeoutMs: number;
  /** A socket with no traffic at all for this long is closed. */
  connectionTimeoutMs: number;
  /** An idle keep-alive connection is closed after this long. */
  keepAliveTimeoutMs: number;
  /** Requests served on one keep-alive connection before it is closed; 0 = unlimited. */
  maxRequestsPerSocket: number;
  /** Connections the kernel queues before the node accepts them (Node's default is 511). */
  listenBacklog: number;
}

export interface PaymentConfig {
  /** The gateway's payment page URL (vnp_* parameters are appended). */
  gatewayUrl: string | undefined;
  /** Merchant code (vnp_TmnCode) issued by the gateway. */
  merchantCode: string | undefined;
  /** Shared secret for the HMAC-SHA512 signature. */
  hashSecret: string | undefined;
  /** How long one payment attempt stays open at the gateway (vnp_ExpireDate). */
  attemptMinutes: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Cấu hình sai — biến ${variable}: ${message} (invalid configuration: ${variable})`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `phải là số nguyên, nhận được "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `phải nằm trong khoảng ${min}–${max}, nhận được ${value}`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `phải là true hoặc false, nhận được "${raw}"`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'không phải là URL hợp lệ');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `giao thức phải là ${protocols.join(' hoặc ')}, nhận được ${parsed.protocol}`);
  }
  return raw;
}

function postgresUrl(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  try {
    parsePostgresUrl(raw);
  } catch (error) {
    if (error instanceof PostgresUrlError) throw new ConfigError(name, error.message);
    throw error;
  }
  return raw;
}

// A read URL beside SQLite would read another database than the one written.
function databaseReadUrl(env: Env): string | undefined {
  const readUrl = postgresUrl(env, 'DATABASE_READ_URL');
  if (readUrl && !env.DATABASE_URL) throw new ConfigError('DATABASE_READ_URL', 'chỉ dùng được cùng DATABASE_URL (PostgreSQL)');
  return readUrl;
}

function metricsToken(env: Env): string | undefined {
  const token = env.METRICS_TOKEN || undefined;
  if (token !== undefined && token.length < 16) throw new ConfigError('METRICS_TOKEN', 'phải có ít nhất 16 ký tự');
  return token;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `phải là một trong ${LOG_LEVELS.join(', ')}`);
  const demoPassword = env.CQS_DEMO_PASSWORD || undefined;
  if (demoPassword !== undefined && demoPassword.length < 12) {
    throw new ConfigError('CQS_DEMO_PASSWORD', 'mật khẩu phải có ít nhất 12 ký tự');
  }
  const oidcIssuer = url(env, 'OIDC_ISSUER', ['https:', 'http:']);
  const oidcClientId = env.OIDC_CLIENT_ID || undefined;
  if (oidcIssuer && !oidcClientId) throw new ConfigError('OIDC_CLIENT_ID', 'bắt buộc khi có OIDC_ISSUER');
  const identityClaim = env.OIDC_IDENTITY_CLAIM?.trim() || 'identity_number';
  if (!/^[A-Za-z_][\w.:-]{0,63}$/.test(identityClaim)) {
    throw new ConfigError('OIDC_IDENTITY_CLAIM', `tên claim không hợp lệ: "${identityClaim}"`);
  }
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl: postgresUrl(env, 'DATABASE_URL'),
    databaseReadUrl: databaseReadUrl(env),
    publicUrl: (url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/$/, ''),
    demoPassword,
    seedDemoOnStart: boolean(env, 'CQS_SEED_DEMO', true),
    logLevel,
    metricsToken: metricsToken(env),
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 1_073_741_824),
    // 100 MiB: scanned land-record and construction dossiers reach tens of MB; a proxy in front must allow as much
    // (nginx client_max_body_size 101m, the multipart envelope included).
    uploadMaxBytes: integer(env, 'UPLOAD_MAX_BYTES', 100 * 1_048_576, 1024, 1_073_741_824),
    inMemoryFileMaxBytes: integer(env, 'IN_MEMORY_FILE_MAX_BYTES', 20 * 1_048_576, 1024, 1_073_741_824),
    databaseConnectTimeoutMs: integer(env, 'DATABASE_CONNECT_TIMEOUT_MS', 5_000, 100, 600_000),
    overload: overloadConfig(env),
    server: serverTimeouts(env),
    session: {
      idleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
      absoluteHours: integer(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
      tokenHours: integer(env, 'TOKEN_HOURS', 8, 1, 24 * 30),
    },
    login: {
      maxFailedAttempts: integer(env, 'LOGIN_MAX_FAILED_ATTEMPTS', 5, 1, 100),
      lockoutMinutes: integer(env, 'LOGIN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
      perIpPerMinute: integer(env, 'LOGIN_RATE_PER_IP_PER_MINUTE', 30, 1, 100_000),
    },
    oidc: {
      issuer: oidcIssuer,
      clientId: oidcClientId,
      clientSecret: env.OIDC_CLIENT_SECRET || undefined,
      displayName: env.OIDC_DISPLAY_NAME || 'VNeID',
      allowInsecure: boolean(env, 'OIDC_ALLOW_INSECURE', false),
      identityClaim,
    },
    mail: { smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']), from: mailFrom(env) },
    outbox: { maxAttempts: integer(env, 'OUTBOX_MAX_ATTEMPTS', 8, 1, 100), leaseSeconds: integer(env, 'OUTBOX_LEASE_SECONDS', 300, 1, 24 * 60 * 60) },
    dossier: { codePattern: dossierCodePattern(env) },
    payment: paymentConfig(env),
    secretKey: secretKey(env),
  };
}

const MIB = 1_048_576;

// Defaults for a 2-core node (issue 7). A mean event-loop delay of a second means every request already waits that
// long, so more work only makes it worse. The heap default is 90 % of V8's own limit (node --max-old-space-size sizes
// a node): past it the process would die of out-of-memory mid-request, so it refuses new work and lets GC catch up.
// Resident memory depends on the container (SQLite's page cache, buffers): off unless the operator sets it, to about
// 80 % of the container's memory limit.
function overloadConfig(env: Env): OverloadConfig {
  return {
    maxEventLoopDelayMs: integer(env, 'OVERLOAD_MAX_EVENT_LOOP_DELAY_MS', 1_000, 0, 600_000),
    maxHeapUsedBytes: integer(env, 'OVERLOAD_MAX_HEAP_USED_BYTES', Math.floor(0.9 * v8.getHeapStatistics().heap_size_limit), 0, 64 * 1024 * MIB),
    maxRssBytes: integer(env, 'OVERLOAD_MAX_RSS_BYTES', 0, 0, 64 * 1024 * MIB),
    maxRequestsInFlight: integer(env, 'MAX_REQUESTS_IN_FLIGHT', 512, 0, 1_000_000),
    ratePerIpPerMinute: integer(env, 'RATE_LIMIT_PER_IP_PER_MINUTE', 6_000, 0, 10_000_000),
    retryAfterSeconds: integer(env, 'OVERLOAD_RETRY_AFTER_SECONDS', 5, 1, 3_600),
  };
}

// Node's own defaults are 60 s for headers and 5 min for a request, and Fastify turns the request timeout off:
// a slowloris client could hold a socket for minutes. Headers are small and arrive at once from a real client;
// a body may be a 100 MiB upload on a 1 Mbit/s line (about 14 min). Keep-alive outlives the proxy's upstream idle
// time (nginx keepalive_timeout 60 s) so the proxy, not the node, closes first and never reuses a closing socket.
function serverTimeouts(env: Env): ServerTimeouts {
  const timeouts = {
    headersTimeoutMs: integer(env, 'SERVER_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000),
    requestTimeoutMs: integer(env, 'SERVER_REQUEST_TIMEOUT_MS', 15 * 60_000, 100, 24 * 3_600_000),
    connectionTimeoutMs: integer(env, 'SERVER_CONNECTION_TIMEOUT_MS', 120_000, 100, 24 * 3_600_000),
    keepAliveTimeoutMs: integer(env, 'SERVER_KEEP_ALIVE_TIMEOUT_MS', 65_000, 100, 3_600_000),
    maxRequestsPerSocket: integer(env, 'SERVER_MAX_REQUESTS_PER_SOCKET', 0, 0, 1_000_000),
    listenBacklog: integer(env, 'SERVER_LISTEN_BACKLOG', 4_096, 1, 65_535),
  };
  // Node refuses a request timeout shorter than the headers timeout.
  if (timeouts.requestTimeoutMs < timeouts.headersTimeoutMs) {
    throw new ConfigError('SERVER_REQUEST_TIMEOUT_MS', `phải lớn hơn hoặc bằng SERVER_HEADERS_TIMEOUT_MS (${timeouts.headersTimeoutMs})`);
  }
  return timeouts;
}

// AES-256 needs 32 bytes of key material; a shorter passphrase would make the stored signing keys guessable.
function secretKey(env: Env): string | undefined {
  const value = env.SECRET_KEY || undefined;
  if (value !== undefined && Buffer.byteLength(value, 'utf8') < 32) throw new ConfigError('SECRET_KEY', 'phải có ít nhất 32 byte (ví dụ: openssl rand -base64 32)');
  return value;
}

const PAYMENT_VARIABLES = ['PAYMENT_GATEWAY_URL', 'PAYMENT_MERCHANT_CODE', 'PAYMENT_HASH_SECRET'] as const;

// The three values only work together: a half-configured gateway would fail at the citizen's first payment,
// so it stops the start instead, naming the missing variable.
function paymentConfig(env: Env): PaymentConfig {
  const attemptMinutes = integer(env, 'PAYMENT_ATTEMPT_MINUTES', 15, 1, 24 * 60);
  const present = PAYMENT_VARIABLES.filter((name) => (env[name] ?? '').trim() !== '');
  if (present.length === 0) return { gatewayUrl: undefined, merchantCode: undefined, hashSecret: undefined, attemptMinutes };
  const missing = PAYMENT_VARIABLES.find((name) => !present.includes(name));
  if (missing) throw new ConfigError(missing, `bắt buộc khi có ${present.join(', ')} (PAYMENT_GATEWAY_URL, PAYMENT_MERCHANT_CODE và PAYMENT_HASH_SECRET đi cùng nhau)`);
  const merchantCode = env.PAYMENT_MERCHANT_CODE!.trim();
  if (!/^[A-Za-z0-9]{1,32}$/.test(merchantCode)) throw new ConfigError('PAYMENT_MERCHANT_CODE', `chỉ gồm chữ và số (tối đa 32 ký tự), nhận được "${merchantCode}"`);
  return {
    gatewayUrl: url(env, 'PAYMENT_GATEWAY_URL', ['https:', 'http:']),
    merchantCode,
    hashSecret: env.PAYMENT_HASH_SECRET!,
    attemptMinutes,
  };
}

const CODE_PLACEHOLDERS = /\{(unitCode|yyyy|yy|mm|dd|yymmdd|seq[1-9])\}/g;

// Circular 01/2018/TT-VPCP art. 26: unit, date of receipt and a sequence; every code must therefore carry
// the unit, the full date and the sequence, or two dossiers could share one.
function dossierCodePattern(env: Env): string {
  const pattern = env.DOSSIER_CODE_PATTERN?.trim() || '{unitCode}-{yymmdd}-{seq4}';
  const names = [...pattern.matchAll(CODE_PLACEHOLDERS)].map((m) => m[1]);
  const rest = pattern.replace(CODE_PLACEHOLDERS, '');
  const hasDate = names.includes('yymmdd') || (names.some((n) => n === 'yyyy' || n === 'yy') && names.includes('mm') && names.includes('dd'));
  if (/[{}]/.test(rest) || !/^[\w.\-/]*$/.test(rest)) {
    throw new ConfigError('DOSSIER_CODE_PATTERN', `chỉ gồm chữ, số, . - / _ và {unitCode} {yyyy} {yy} {mm} {dd} {yymmdd} {seqN}, nhận được "${pattern}"`);
  }
  if (!names.includes('unitCode') || !hasDate || !names.some((n) => n.startsWith('seq'))) {
    throw new ConfigError('DOSSIER_CODE_PATTERN', 'phải chứa {unitCode}, ngày tiếp nhận ({yymmdd} hoặc {yy}/{yyyy}, {mm}, {dd}) và {seqN}');
  }
  return pattern;
}

function mailFrom(env: Env): string {
  const from = env.MAIL_FROM?.trim() || '"Chính quyền số" <no-reply@localhost>';
  if (!/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(from)) {
    throw new ConfigError('MAIL_FROM', `phải là địa chỉ e-mail, ví dụ "Tên" <no-reply@tinh.gov.vn>, nhận được "${from}"`);
  }
  return from;
}
