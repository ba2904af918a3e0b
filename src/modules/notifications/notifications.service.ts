import type { Db } from '../../platform/database/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { findNotificationOf, listNotificationsOf, markRead, toNotificationItem } from './notifications.repository.js';
import type { NotificationItem, NotificationPage, NotificationsQuery } from './notifications.schema.js';

// Access: every signed-in user has an inbox and sees only their own; another user's notification is NOT_FOUND.

export async function listMyNotifications(db: Db, actor: Actor, query: NotificationsQuery): Promise<NotificationPage> {
  return listNotificationsOf(db, actor.userId, query);
}

export async function readNotification(db: Db, actor: Actor, context: AuditContext, id: number): Promise<NotificationItem> {
  return db.transaction().execute(async (tx) => {
    const changed = await markRead(tx, actor.userId, new Date().toISOString(), id);
    const row = await findNotificationOf(tx, actor.userId, id);
    if (!row) throw new AppError('NOT_FOUND');
    if (changed > 0) await recordAudit(tx, context, { action: 'notification.read', entityType: 'notification', entityId: id });
    return toNotificationItem(row);
  });
}

export async function readAllNotifications(db: Db, actor: Actor, context: AuditContext): Promise<{ updated: number }> {
  return db.transaction().execute(async (tx) => {
    const updated = await markRead(tx, actor.userId, new Date().toISOString());
    if (updated > 0) {
      await recordAudit(tx, context, { action: 'notification.read_all', entityType: 'notification', summary: { updated } });
    }
    return { updated };
  });
}
