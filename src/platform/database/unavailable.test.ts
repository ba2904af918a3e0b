import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable.js';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('which database errors mean "unavailable, retry later" (503) rather than a fault (500)', () => {
  it.each([
    ['refused connection', coded('ECONNREFUSED')],
    ['reset connection', coded('ECONNRESET')],
    ['timed-out socket', coded('ETIMEDOUT')],
    ['SQLSTATE class 08', coded('08006')],
    ['admin shutdown 57P01', coded('57P01')],
    ['crash shutdown 57P02', coded('57P02')],
    ['cannot connect now 57P03', coded('57P03')],
    ['too many connections 53300', coded('53300')],
    ['read-only transaction on a standby 25006', coded('25006')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['the pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['SQLite busy past busy_timeout', coded('SQLITE_BUSY', 'database is locked')],
    ['SQLite I/O error', coded('SQLITE_IOERR_WRITE')],
    ['a wrapped cause', new Error('query failed', { cause: coded('ECONNREFUSED') })],
    ['both addresses of localhost refused', new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')])],
  ])('%s → unavailable', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['unique violation 23505', coded('23505')],
    ['syntax error 42601', coded('42601')],
    ['SQLite constraint', coded('SQLITE_CONSTRAINT_UNIQUE')],
    ['a plain bug', new TypeError('x is undefined')],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('%s → a fault, not unavailability', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
