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

  it('limits uploads to 10 MiB unless UPLOAD_MAX_BYTES says otherwise', () => {
    expect(loadConfig({}).uploadMaxBytes).toBe(10 * 1024 * 1024);
    expect(loadConfig({ UPLOAD_MAX_BYTES: '52428800' }).uploadMaxBytes).toBe(52_428_800);
  });

  it('requires OIDC_CLIENT_ID when OIDC_ISSUER is set', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://id.example.vn' })).toThrow(/OIDC_CLIENT_ID/);
  });
});
