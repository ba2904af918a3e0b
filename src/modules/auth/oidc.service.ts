import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import type { Config } from '../../platform/config.js';
import type { Db, Executor } from '../../platform/database/database.js';
import type { UserRow } from '../../platform/database/schema.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { Role } from '../../platform/auth/roles.js';
import { SessionKind, createSession, revokeSession, type CreatedSession } from '../../platform/auth/sessions.js';
import { insertUserRow, searchTextOf } from '../users/users.repository.js';

export const OIDC_START_PATH = '/api/auth/oidc/start';
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
/** Where a failed e-ID sign-in lands: the login page shows a generic message for `error=oidc`. */
export const OIDC_FAILURE_REDIRECT = '/login?error=oidc';
/** A sign-in left unfinished longer than this must start again (state, nonce and verifier expire). */
export const OIDC_STATE_TTL_MS = 10 * 60_000;
/**
 * Only a local path, so the redirect after sign-in cannot leave the site: browsers read `//host` and `/\host`
 * as other origins and drop tabs and line breaks first (`/<tab>/host`). So: printable ASCII without backslash
 * (a percent-encoded path and query, which is also all a Location header may carry).
 */
export const LOCAL_PATH_PATTERN = '^/(?![/\\\\])[\\x21-\\x5b\\x5d-\\x7e]*$';
const LOCAL_PATH = new RegExp(LOCAL_PATH_PATTERN);
const SCOPES = 'openid profile email phone';

/** Why a sign-in failed; written to the audit entry and the log (never the subject or claims). */
export type OidcFailureReason =
  | 'state_unknown'
  | 'state_expired'
  | 'provider_error'
  | 'token_invalid'
  | 'claims_invalid'
  | 'account_not_citizen'
  | 'account_disabled'
  | 'account_conflict'
  | 'internal_error';

export class OidcSignInError extends Error {
  constructor(
    readonly reason: OidcFailureReason,
    readonly detail?: string,
    /** The account concerned, when the failure is about a known account (for security review). */
    readonly userId?: number,
  ) {
    super(`oidc sign-in failed: ${reason}`);
    this.name = 'OidcSignInError';
  }
}

export function isOidcConfigured(config: Config): boolean {
  return Boolean(config.oidc.issuer && config.oidc.clientId);
}

/**
 * The relying party of one app. The provider's metadata is discovered on first use and kept; a failed
 * discovery is not kept, so the next sign-in tries again (the provider may have been down for a moment).
 */
export class OidcRelyingParty {
  private discovered: Promise<client.Configuration> | undefined;

  readonly identityClaim: string;

  constructor(private readonly config: Config) {
    this.identityClaim = config.oidc.identityClaim;
  }

  get redirectUri(): string {
    return `${this.config.publicUrl}${OIDC_CALLBACK_PATH}`;
  }

  configuration(): Promise<client.Configuration> {
    if (!this.discovered) {
      const { issuer, clientId, clientSecret, allowInsecure } = this.config.oidc;
      if (!issuer || !clientId) throw new Error('OIDC is not configured');
      // client_secret_basic is the method OIDC Core §9 makes the default; public clients rely on PKCE alone.
      const auth = clientSecret ? client.ClientSecretBasic(clientSecret) : client.None();
      this.discovered = client
        .discovery(new URL(issuer), clientId, undefined, auth, {
          timeout: 10,
          ...(allowInsecure ? { execute: [client.allowInsecureRequests] } : {}),
        })
        .catch((error: unknown) => {
          this.discovered = undefined;
          throw error;
        });
    }
    return this.discovered;
  }
}

/** Step 1: remember state, nonce and PKCE verifier in the database (any node can finish), then go to the provider. */
export async function beginSignIn(db: Db, rp: OidcRelyingParty, returnTo: string | undefined): Promise<URL> {
  const configuration = await rp.configuration();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const now = new Date();
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('oidc_states').where('created_at', '<', new Date(now.getTime() - OIDC_STATE_TTL_MS).toISOString()).execute();
    await tx
      .insertInto('oidc_states')
      .values({ state, nonce, code_verifier: codeVerifier, return_to: safeReturnTo(returnTo), created_at: now.toISOString() })
      .execute();
  });
  return client.buildAuthorizationUrl(configuration, {
    redirect_uri: rp.redirectUri,
    scope: SCOPES,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
}

export function safeReturnTo(value: string | undefined): string | null {
  return value && LOCAL_PATH.test(value) ? value : null;
}

interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** A state is single-use: it is deleted before the code is exchanged, so a replayed callback finds nothing. */
async function consumeState(db: Db, state: string | null): Promise<PendingSignIn> {
  if (!state) throw new OidcSignInError('state_unknown');
  const row = await db.selectFrom('oidc_states').selectAll().where('state', '=', state).executeTakeFirst();
  if (!row) throw new OidcSignInError('state_unknown');
  const deleted = await db.deleteFrom('oidc_states').where('state', '=', state).executeTakeFirst();
  if (Number(deleted.numDeletedRows) !== 1) throw new OidcSignInError('state_unknown');
  if (Date.parse(row.created_at) + OIDC_STATE_TTL_MS < Date.now()) throw new OidcSignInError('state_expired');
  return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to ?? '/' };
}

export interface CitizenClaims {
  issuer: string;
  subject: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  identityNumber: string | null;
}

function text(value: unknown, maxLength: number): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed && trimmed.length <= maxLength ? trimmed : null;
}

/** Exchanges the code (PKCE, state, nonce and ID token checked by openid-client) and reads the claims. */
async function exchangeCode(rp: OidcRelyingParty, callbackUrl: URL, pending: PendingSignIn): Promise<CitizenClaims> {
  const configuration = await rp.configuration();
  let claims: Record<string, unknown>;
  try {
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new OidcSignInError('token_invalid');
    claims = { ...idToken };
    // Providers may put profile claims only in UserInfo (OIDC Core §5.4); the ID token's `sub` must match.
    if (configuration.serverMetadata().userinfo_endpoint && tokens.access_token) {
      const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      claims = { ...userInfo, ...idToken };
    }
  } catch (error) {
    if (error instanceof OidcSignInError) throw error;
    if (error instanceof client.AuthorizationResponseError) throw new OidcSignInError('provider_error', error.error);
    throw new OidcSignInError('token_invalid', error instanceof Error ? error.name : undefined);
  }
  const subject = text(claims.sub, 255);
  const issuer = text(claims.iss, 500);
  if (!subject || !issuer) throw new OidcSignInError('claims_invalid');
  const fullName =
    text(claims.name, 200) ??
    text([claims.family_name, claims.middle_name, claims.given_name].filter((p) => typeof p === 'string').join(' '), 200);
  return {
    issuer,
    subject,
    // Vietnamese order: family, middle, given. Without any name the account still needs a label.
    fullName: fullName ?? 'Công dân',
    email: text(claims.email, 320),
    phone: text(claims.phone_number, 32),
    identityNumber: text(claims[rp.identityClaim], 32),
  };
}

/** Username of an e-ID account: derived from issuer and subject, without revealing the subject (it may be an ID number). */
export function usernameForSubject(issuer: string, subject: string): string {
  return `eid_${createHash('sha256').update(`${issuer}\n${subject}`).digest('hex').slice(0, 24)}`;
}

async function findOrCreateCitizen(
  tx: Executor,
  audit: AuditContext,
  claims: CitizenClaims,
): Promise<{ user: UserRow; created: boolean }> {
  const now = new Date().toISOString();
  const existing = await tx
    .selectFrom('users')
    .selectAll()
    .where('oidc_issuer', '=', claims.issuer)
    .where('oidc_subject', '=', claims.subject)
    .executeTakeFirst();
  // Officials sign in with password and TOTP only: an e-ID must never open an official account.
  if (existing && existing.kind !== 'citizen') throw new OidcSignInError('account_not_citizen', undefined, existing.id);
  if (existing && existing.status !== 'active') throw new OidcSignInError('account_disabled', undefined, existing.id);
  // The national e-ID is the authoritative source of these attributes: refresh them on every sign-in.
  const fromClaims = {
    full_name: claims.fullName,
    ...(claims.email ? { email: claims.email } : {}),
    ...(claims.phone ? { phone: claims.phone } : {}),
    ...(claims.identityNumber ? { identity_number: claims.identityNumber } : {}),
    last_login_at: now,
    updated_at: now,
  };
  if (existing) {
    await tx
      .updateTable('users')
      .set({ ...fromClaims, search_text: searchTextOf(claims.fullName, existing.username) })
      .where('id', '=', existing.id)
      .execute();
    return { user: { ...existing, ...fromClaims }, created: false };
  }
  const username = usernameForSubject(claims.issuer, claims.subject);
  const taken = await tx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (taken) throw new OidcSignInError('account_conflict');
  const userId = await insertUserRow(tx, {
    username,
    fullName: claims.fullName,
    email: claims.email,
    phone: claims.phone,
    kind: 'citizen',
    unitId: null,
    title: null,
    identityNumber: claims.identityNumber,
    passwordHash: null,
    oidc: { issuer: claims.issuer, subject: claims.subject },
    lastLoginAt: now,
  });
  await tx
    .insertInto('role_grants')
    .values({ user_id: userId, role: Role.Citizen, unit_id: null, include_subtree: 0, created_at: now, created_by: null })
    .execute();
  await recordAudit(tx, { ...audit, actorId: userId, actorUsername: username, unitId: null }, {
    action: 'user.create',
    entityType: 'user',
    entityId: userId,
    summary: { after: { username, kind: 'citizen', roles: [Role.Citizen] }, via: 'oidc' },
  });
  const user = await tx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  return { user, created: true };
}

export interface CompleteSignInInput {
  callbackUrl: URL;
  audit: AuditContext;
  ip: string | null;
  userAgent: string | null;
  /** The browser's current cookie session, replaced by the new one. */
  previousSessionId: string | null;
}

export interface CompletedSignIn {
  user: UserRow;
  session: CreatedSession;
  returnTo: string;
  created: boolean;
}

/** Step 2: the provider sent the browser back; check everything, then find or create the citizen and open a session. */
export async function completeSignIn(db: Db, config: Config, rp: OidcRelyingParty, input: CompleteSignInInput): Promise<CompletedSignIn> {
  const pending = await consumeState(db, input.callbackUrl.searchParams.get('state'));
  const claims = await exchangeCode(rp, input.callbackUrl, pending);
  try {
    return await db.transaction().execute(async (tx) => {
      const { user, created } = await findOrCreateCitizen(tx, input.audit, claims);
      if (input.previousSessionId) await revokeSession(tx, input.previousSessionId);
      const session = await createSession(tx, {
        userId: user.id,
        kind: SessionKind.Cookie,
        // The e-ID provider already did the strong (multi-factor) authentication, so no TOTP step follows.
        mfaVerified: true,
        ip: input.ip,
        userAgent: input.userAgent,
        ttlMs: config.session.absoluteHours * 3_600_000,
      });
      await recordAudit(tx, { ...input.audit, actorId: user.id, actorUsername: user.username, unitId: null }, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        summary: { method: 'oidc', kind: SessionKind.Cookie, newAccount: created, expiresAt: session.expiresAt },
      });
      return { user, session, returnTo: pending.returnTo, created };
    });
  } catch (error) {
    // Two first sign-ins of one person racing: the unique (issuer, subject) index refuses the second.
    if (isUniqueViolation(error)) throw new OidcSignInError('account_conflict');
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** A failed sign-in is audited in its own transaction (the sign-in's own, if any, rolled back). */
export async function recordSignInFailure(db: Db, audit: AuditContext, failure: OidcSignInError): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await recordAudit(tx, audit, {
      action: 'auth.oidc.failed',
      entityType: 'user',
      entityId: failure.userId ?? null,
      summary: { reason: failure.reason, ...(failure.reason === 'provider_error' && failure.detail ? { providerError: failure.detail } : {}) },
    });
  });
}
