import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/database/database.js';
import type { NotificationsTable } from '../../platform/database/schema.js';
import type { NotificationItem, NotificationsQuery } from './notifications.schema.js';

type NotificationRow = Selectable<NotificationsTable>;

export function toNotificationItem(row: NotificationRow): NotificationItem {
  return { id: Number(row.id), subject: row.subject, body: row.body, link: row.link, createdAt: row.created_at, readAt: row.read_at };
}

export async function insertNotification(
  tx: Executor,
  values: { userId: number; subject: string; body: string; link: string | null; createdAt: string },
): Promise<number> {
  const row = await tx
    .insertInto('notifications')
    .values({ user_id: values.userId, subject: values.subject, body: values.body, link: values.link, created_at: values.createdAt, read_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function listNotificationsOf(db: Executor, userId: number, query: NotificationsQuery) {
  let base = db.selectFrom('notifications').where('user_id', '=', userId);
  if (query.unread !== undefined) base = base.where('read_at', query.unread ? 'is' : 'is not', null);
  const [rows, total, unread] = await Promise.all([
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('notifications')
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toNotificationItem), total: Number(total.n), unread: Number(unread.n) };
}

export async function findNotificationOf(db: Executor, userId: number, id: number): Promise<NotificationRow | undefined> {
  return db.selectFrom('notifications').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
}

/** Sets read_at only where it is still empty, so a repeated call keeps the first reading time. */
export async function markRead(tx: Executor, userId: number, at: string, id?: number): Promise<number> {
  let query = tx.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (id !== undefined) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
