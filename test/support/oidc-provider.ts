import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type JWK } from 'oidc-provider';

/** Claims the test provider releases for one subject (the `sub` is the key of `accounts`). */
export type TestAccountClaims = Record<string, string>;

export interface TestOidcProviderOptions {
  /** The relying party's callback, e.g. `http://127.0.0.1:4123/api/auth/oidc/callback`. */
  redirectUri: string;
  clientId?: string;
  clientSecret?: string;
  /** Subjects that can sign in, with their claims (`name`, `email`, `phone_number`, an identity number…). */
  accounts: Record<string, TestAccountClaims>;
  /** A fixed port (e.g. to start the provider where an app already expects it); a free one otherwise. */
  port?: number;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

// Claims every scope releases; any other claim of a test account is released with `profile`,
// the way e-ID providers add national attributes (identity number) to the profile scope.
const STANDARD_SCOPES = { openid: ['sub'], email: ['email', 'email_verified'], phone: ['phone_number', 'phone_number_verified'] };

/**
 * A real OpenID Connect provider (oidc-provider) on a local port, with one confidential client and the
 * library's development login/consent pages (`/interaction/:uid`: POST `prompt=login&login=<sub>`,
 * then `prompt=consent`). Tests drive it with real HTTP, as a browser would.
 */
export async function startTestOidcProvider(options: TestOidcProviderOptions): Promise<TestOidcProvider> {
  const clientId = options.clientId ?? 'cqs-test';
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url');
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const extraClaims = new Set<string>();
  for (const claims of Object.values(options.accounts)) {
    for (const name of Object.keys(claims)) {
      if (!Object.values(STANDARD_SCOPES).flat().includes(name)) extraClaims.add(name);
    }
  }
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' } as JWK;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    // Explicit lifetimes (seconds) keep the library from announcing its defaults on every test run.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    claims: { ...STANDARD_SCOPES, profile: [...extraClaims] },
    async findAccount(_ctx, sub) {
      const claims = options.accounts[sub];
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => ({ ...claims, sub }) };
    },
  });
  handler = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * Just enough of a browser for redirect flows: follows nothing by itself, keeps cookies per origin
 * (host and port, stricter than a browser, so the app and the provider never see each other's cookies).
 */
export class TestBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  async fetch(url: string | URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    const headers: Record<string, string> = {};
    const cookies = this.jar.get(target.origin);
    if (cookies && cookies.size > 0) headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(target, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    this.store(target.origin, response.headers.getSetCookie());
    return response;
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }

  private store(origin: string, setCookies: string[]): void {
    const cookies = this.jar.get(origin) ?? new Map<string, string>();
    for (const header of setCookies) {
      const [pair, ...attributes] = header.split(';').map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expires = attributes.find((a) => /^expires=/i.test(a));
      const maxAge = attributes.find((a) => /^max-age=/i.test(a));
      const expired = (expires && Date.parse(expires.slice(8)) <= Date.now()) || (maxAge && Number(maxAge.slice(8)) <= 0);
      if (!value || expired) cookies.delete(name);
      else cookies.set(name, value);
    }
    this.jar.set(origin, cookies);
  }
}

export interface ProviderLoginOptions {
  /** The subject who signs in on the provider's login page. */
  subject: string;
  /** Stop when the browser is redirected to a URL starting with this (the relying party's callback). */
  stopAt: string;
  /** Press "cancel" on the provider's page instead of signing in. */
  abort?: boolean;
}

/** Follows the redirects from `url`, filling in the provider's login and consent pages; returns the URL at `stopAt`. */
export async function loginAtProvider(browser: TestBrowser, url: string | URL, options: ProviderLoginOptions): Promise<URL> {
  let current = new URL(url);
  for (let step = 0; step < 20; step++) {
    if (current.href.startsWith(options.stopAt)) return current;
    const response = await browser.fetch(current);
    if (response.status >= 300 && response.status < 400) {
      current = new URL(response.headers.get('location') ?? '', current);
      continue;
    }
    const page = await response.text();
    if (response.status !== 200 || !current.pathname.startsWith('/interaction/')) {
      throw new Error(`unexpected page ${response.status} at ${current.pathname}: ${page.slice(0, 300)}`);
    }
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    const submit = options.abort
      ? await browser.fetch(new URL(`${current.pathname}/abort`, current))
      : await browser.fetch(current, { form: prompt === 'login' ? { prompt, login: options.subject, password: 'x' } : { prompt: prompt ?? '' } });
    if (submit.status < 300 || submit.status >= 400) throw new Error(`provider refused ${prompt}: ${submit.status} ${await submit.text()}`);
    current = new URL(submit.headers.get('location') ?? '', current);
  }
  throw new Error('too many redirects at the OpenID provider');
}
