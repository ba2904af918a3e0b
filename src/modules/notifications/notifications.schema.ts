import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schema-types.js';

export const NotificationsQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ description: 'true: chỉ thông báo chưa đọc (unread only)' })),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
export type NotificationsQuery = Static<typeof NotificationsQuery>;

export const NotificationParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const NotificationItem = Type.Object({
  id: Type.Integer(),
  subject: Type.String(),
  body: Type.String(),
  /** Where the notification leads, e.g. /portal/dossiers/12; null when it leads nowhere. */
  link: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Nullable(Type.String({ format: 'date-time' })),
});
export type NotificationItem = Static<typeof NotificationItem>;

export const NotificationPage = Type.Object({
  items: Type.Array(NotificationItem),
  /** Matching the filter. */
  total: Type.Integer(),
  /** All unread notifications of the caller (the badge count), whatever the filter. */
  unread: Type.Integer(),
});
export type NotificationPage = Static<typeof NotificationPage>;

export const ReadAllResult = Type.Object({ updated: Type.Integer() });
