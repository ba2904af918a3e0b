import { describe, expect, it } from 'vitest';
import { parsePostgresUrl, PostgresUrlError } from './postgres-pool-url.js';
import { ConfigError, loadConfig } from '../config.js';

describe('parsePostgresUrl (libpq-style multi-host URLs)', () => {
  it('splits several hosts into one single-host URL each, keeping user, password, database and options', () => {
    const parsed = parsePostgresUrl('postgres://cqs:m%40t%20kh%E1%BA%A9u@db1:5432,db2:5433,[::1]/cqs?sslmode=require&application_name=cqs');
    expect(parsed.hosts).toEqual([
      { host: 'db1', port: 5432, url: 'postgres://cqs:m%40t%20kh%E1%BA%A9u@db1:5432/cqs?sslmode=require&application_name=cqs' },
      { host: 'db2', port: 5433, url: 'postgres://cqs:m%40t%20kh%E1%BA%A9u@db2:5433/cqs?sslmode=require&application_name=cqs' },
      { host: '[::1]', port: 5432, url: 'postgres://cqs:m%40t%20kh%E1%BA%A9u@[::1]:5432/cqs?sslmode=require&application_name=cqs' },
    ]);
    expect(parsed.targetSession).toBeUndefined();
  });

  it('reads target_session_attrs and leaves it out of the URLs node-pg sees', () => {
    const parsed = parsePostgresUrl('postgresql://u@a,b:6000/db?target_session_attrs=any');
    expect(parsed.targetSession).toBe('any');
    expect(parsed.hosts.map((h) => h.url)).toEqual(['postgresql://u@a:5432/db', 'postgresql://u@b:6000/db']);
  });

  it('keeps a single-host URL as it was, and a socket URL without a host', () => {
    expect(parsePostgresUrl('postgres://u@db:5432/cqs').hosts).toEqual([{ host: 'db', port: 5432, url: 'postgres://u@db:5432/cqs' }]);
    expect(parsePostgresUrl('postgres:///cqs?host=/var/run/postgresql').hosts).toEqual([
      { host: '', port: 5432, url: 'postgres:///cqs?host=/var/run/postgresql' },
    ]);
  });

  it.each([
    ['mysql://u@db/x', 'postgres://'],
    ['postgres://u@db1:5432,:5433/x', 'máy chủ'],
    ['postgres://u@db1:99999/x', 'cổng'],
    ['postgres://u@db1/x?target_session_attrs=standby', 'target_session_attrs'],
  ])('refuses %s', (raw, message) => {
    expect(() => parsePostgresUrl(raw)).toThrow(PostgresUrlError);
    expect(() => parsePostgresUrl(raw)).toThrow(message);
  });
});

describe('DATABASE_URL and DATABASE_READ_URL in the configuration', () => {
  it('accepts a multi-host DATABASE_URL and a read URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://cqs@db1:5432,db2:5432/cqs',
      DATABASE_READ_URL: 'postgres://cqs@db2:5432/cqs',
    });
    expect(config.databaseUrl).toBe('postgres://cqs@db1:5432,db2:5432/cqs');
    expect(config.databaseReadUrl).toBe('postgres://cqs@db2:5432/cqs');
    expect(loadConfig({}).databaseReadUrl).toBeUndefined();
  });

  it('names the variable when a URL is wrong, and refuses a read URL beside SQLite', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://cqs@db1:5432,:1/cqs' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://cqs@db1:5432,:1/cqs' })).toThrow('DATABASE_URL');
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://cqs@db2/cqs' })).toThrow('DATABASE_READ_URL');
  });
});
