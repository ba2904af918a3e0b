import { get, patch, post, put, queryString } from './client';
import type { Page, RoleGrant, RoleInfo, UserSummary } from './types';

export interface UserQuery {
  q?: string;
  unitId?: number;
  page: number;
  pageSize: number;
}

export type GrantInput = Pick<RoleGrant, 'role' | 'unitId' | 'includeSubtree'>;

export interface NewUser {
  username: string;
  fullName: string;
  email?: string;
  phone?: string;
  kind: 'official' | 'citizen';
  unitId?: number | null;
  title?: string;
  identityNumber?: string;
  password: string;
  roles?: GrantInput[];
}

export const fetchUsers = (query: UserQuery) => get<Page<UserSummary>>(`/api/users${queryString({ ...query })}`);
export const fetchUser = (id: number) => get<UserSummary>(`/api/users/${id}`);
export const createUser = (input: NewUser) => post<UserSummary>('/api/users', input);
export const updateUser = (id: number, input: Partial<Omit<NewUser, 'password' | 'roles' | 'username'>>) =>
  patch<UserSummary>(`/api/users/${id}`, input);
export const replaceRoles = (id: number, roles: GrantInput[]) => put<unknown>(`/api/users/${id}/roles`, { roles });
export const disableUser = (id: number) => post<unknown>(`/api/users/${id}/disable`);
export const enableUser = (id: number) => post<unknown>(`/api/users/${id}/enable`);
export const resetPassword = (id: number, newPassword: string) => post<unknown>(`/api/users/${id}/reset-password`, { newPassword });
export const resetTotp = (id: number) => post<unknown>(`/api/users/${id}/reset-totp`);
export const fetchRoles = () => get<{ items: RoleInfo[] } | RoleInfo[]>('/api/roles').then((answer) => (Array.isArray(answer) ? answer : answer.items));
