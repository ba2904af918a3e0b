import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { revokeAllSessions, revokeSession } from '../../platform/auth/sessions.js';
import type { Db } from '../../platform/database/database.js';
import { deleteSessionCredential, deleteUserSessionCredentials } from '../signing/signing.repository.js';

/** Ends the session or token the request came with. */
export async function signOut(db: Db, audit: AuditContext, actor: Actor): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await revokeSession(tx, actor.session.id);
    // A signing key uploaded for this session must not outlive it (issue 4).
    const signingCredentialRemoved = await deleteSessionCredential(tx, actor.session.id);
    await recordAudit(tx, audit, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: actor.userId,
      summary: { kind: actor.session.kind, ...(signingCredentialRemoved ? { signingCredentialRemoved } : {}) },
    });
  });
}

/** "Đăng xuất khỏi mọi thiết bị": ends every browser session and bearer token of the user. */
export async function signOutEverywhere(db: Db, audit: AuditContext, actor: Actor): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const revoked = await revokeAllSessions(tx, actor.userId);
    const signingCredentialsRemoved = await deleteUserSessionCredentials(tx, actor.userId);
    await recordAudit(tx, audit, {
      action: 'auth.logout_all',
      entityType: 'user',
      entityId: actor.userId,
      summary: { revokedSessions: revoked, ...(signingCredentialsRemoved > 0 ? { signingCredentialsRemoved } : {}) },
    });
  });
}
