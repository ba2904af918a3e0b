import { get, queryString } from './client';
import type { AuditEntry, Page } from './types';

export interface AuditQuery {
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const fetchAudit = (query: AuditQuery) => get<Page<AuditEntry>>(`/api/audit${queryString({ ...query })}`);
