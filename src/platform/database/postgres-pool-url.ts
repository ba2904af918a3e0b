/**
 * libpq-style multi-host PostgreSQL URLs (`postgres://user@h1:5432,h2:5433/db`), which node-pg does not read:
 * the URL is split into one single-host URL per listed host, tried in order (issue 7: failover without restart).
 * Kept apart from the pool so that configuration can validate the URL without loading the driver.
 */
export interface PostgresHost {
  host: string;
  port: number;
  /** The original URL with only this host in it, as node-pg reads it. */
  url: string;
}

/** libpq's target_session_attrs: which server a pool may use. */
export type TargetSession = 'read-write' | 'any';

export interface ParsedPostgresUrl {
  hosts: PostgresHost[];
  /** From `?target_session_attrs=`; undefined when the URL does not say. */
  targetSession: TargetSession | undefined;
}

export class PostgresUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PostgresUrlError';
  }
}

const DEFAULT_PORT = 5432;
const SHAPE = /^(postgres(?:ql)?:\/\/)([^/?#]*)(.*)$/i;

export function parsePostgresUrl(raw: string): ParsedPostgresUrl {
  const match = SHAPE.exec(raw.trim());
  if (!match) throw new PostgresUrlError('phải có dạng postgres://người-dùng@máy:cổng[,máy:cổng…]/cơ-sở-dữ-liệu');
  const [, scheme, authority, rest] = match as unknown as [string, string, string, string];
  // The password may contain an encoded '@' only, so the last '@' ends the user information.
  const at = authority.lastIndexOf('@');
  const userInfo = at >= 0 ? authority.slice(0, at + 1) : '';
  const hostList = at >= 0 ? authority.slice(at + 1) : authority;
  const { query, targetSession } = withoutTargetSession(rest);
  // No host in the authority: a Unix socket given by ?host=, which node-pg reads as it is.
  const entries = hostList === '' ? [''] : hostList.split(',');
  const hosts = entries.map((entry) => {
    const { host, port } = hostAndPort(entry);
    const authorityOfOne = entry === '' ? '' : `${host}:${port}`;
    const url = `${scheme}${userInfo}${authorityOfOne}${query}`;
    try {
      new URL(url);
    } catch {
      throw new PostgresUrlError(`máy chủ "${entry}" không hợp lệ`);
    }
    return { host, port, url };
  });
  return { hosts, targetSession };
}

function hostAndPort(entry: string): { host: string; port: number } {
  if (entry === '') return { host: '', port: DEFAULT_PORT };
  const bracketed = /^(\[[0-9a-f:.]+\])(?::(\d+))?$/i.exec(entry);
  const plain = /^([^:[\]]+)(?::(\d+))?$/.exec(entry);
  const parts = bracketed ?? plain;
  if (!parts) throw new PostgresUrlError(`máy chủ "${entry}" không hợp lệ`);
  const port = parts[2] === undefined ? DEFAULT_PORT : Number(parts[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new PostgresUrlError(`cổng của "${entry}" không hợp lệ`);
  return { host: parts[1]!, port };
}

/** Takes target_session_attrs out of the query string: node-pg would pass an unknown parameter to the server. */
function withoutTargetSession(rest: string): { query: string; targetSession: TargetSession | undefined } {
  const questionMark = rest.indexOf('?');
  if (questionMark < 0) return { query: rest, targetSession: undefined };
  // Split by hand: URLSearchParams would re-encode the other parameters (a socket path's slashes).
  const pairs = rest.slice(questionMark + 1).split('&');
  const target = pairs.find((pair) => pair.startsWith('target_session_attrs='));
  const value = target === undefined ? null : decodeURIComponent(target.slice('target_session_attrs='.length));
  if (value !== null && value !== 'read-write' && value !== 'any') {
    throw new PostgresUrlError(`target_session_attrs phải là read-write hoặc any, nhận được "${value}"`);
  }
  const remaining = pairs.filter((pair) => pair !== target && pair !== '').join('&');
  return {
    query: rest.slice(0, questionMark) + (remaining ? `?${remaining}` : ''),
    targetSession: value ?? undefined,
  };
}
