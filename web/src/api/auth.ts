import { ApiError, get, post, rememberCsrfToken } from './client';
import type { AuthProviders, LoginAnswer, Me, TotpSetup } from './types';

/** The signed-in user, or null when there is no (valid) session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await get<Me>('/api/auth/me');
    rememberCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      rememberCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function login(input: { username: string; password: string; otp?: string }): Promise<Me> {
  const answer = await post<LoginAnswer>('/api/auth/login', input);
  rememberCsrfToken(answer.csrfToken ?? answer.user.csrfToken);
  return answer.user;
}

export async function logout(): Promise<void> {
  await post('/api/auth/logout');
  rememberCsrfToken(null);
}

export async function logoutEverywhere(): Promise<void> {
  await post('/api/auth/logout-all');
  rememberCsrfToken(null);
}

export const changePassword = (input: { currentPassword: string; newPassword: string }) => post<unknown>('/api/auth/password', input);
export const startTotpSetup = () => post<TotpSetup>('/api/auth/totp/setup');
export const enableTotp = (otp: string) => post<Me>('/api/auth/totp/enable', { otp });
export const fetchProviders = () => get<AuthProviders>('/api/auth/providers');
