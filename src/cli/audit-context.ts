import type { AuditContext } from '../platform/audit/audit.js';

/**
 * Who acts when the command-line tool changes data: the system itself (no account, no IP), with the command
 * as request id so the audit trail shows where an entry came from (Decree 85/2016: every action is logged).
 */
export function systemAuditContext(command: string): AuditContext {
  return { actorId: null, actorUsername: 'system', unitId: null, ip: null, requestId: `cli:${command}` };
}
