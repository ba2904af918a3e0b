import i18n from '../i18n/i18n';

/** One field problem from the server's RFC 9457 body, e.g. `{ path: '/username', message: '…' }`. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** A failed API call: carries the problem's `code`, localised `detail` and field `errors[]`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// The server checks `x-csrf-token` on every cookie-authenticated write; it hands the token out with /api/auth/me and login.
let csrfToken: string | null = null;

export function rememberCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body = (await response.json().catch(() => ({}))) as Partial<{ code: string; detail: string; errors: FieldProblem[] }>;
    return new ApiError(response.status, body.code ?? 'HTTP_' + response.status, body.detail ?? response.statusText, body.errors ?? []);
  }
  return new ApiError(response.status, 'HTTP_' + response.status, i18n.t('errors.network'));
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language || 'vi' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (WRITE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
}

async function refreshCsrfToken(): Promise<void> {
  const response = await send('GET', '/api/auth/me');
  if (response.ok) rememberCsrfToken(((await response.json()) as { csrfToken?: string }).csrfToken);
}

/** JSON in, JSON out; a problem answer becomes an ApiError. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  if (WRITE_METHODS.has(method) && !csrfToken && !path.startsWith('/api/auth/login')) await refreshCsrfToken();
  let response = await send(method, path, body);
  if (response.status === 403 && WRITE_METHODS.has(method)) {
    // A token from an older session (another tab logged in again) — fetch the current one and retry once.
    const error = await toApiError(response.clone());
    if (error.code === 'CSRF_INVALID') {
      await refreshCsrfToken();
      response = await send(method, path, body);
    }
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);

/** `?a=1&b=x` from the defined, non-empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
