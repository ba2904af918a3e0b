import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '../../app.js';
import { requireActor } from '../../platform/auth/authenticate.js';
import { NotificationItem, NotificationPage, NotificationParams, NotificationsQuery, ReadAllResult } from './notifications.schema.js';
import { listMyNotifications, readAllNotifications, readNotification } from './notifications.service.js';
import { SIGNED_IN } from '../../platform/http/route-security.js';

const tags = ['Thông báo'];
export async function notificationsRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.ctx;

  app.get(
    '/api/notifications',
    {
      schema: { tags, security: SIGNED_IN, summary: 'Thông báo của tôi, mới nhất trước (my notifications)', querystring: NotificationsQuery, response: { 200: NotificationPage } },
    },
    async (request) => listMyNotifications(db, requireActor(request), request.query),
  );

  app.post(
    '/api/notifications/:id/read',
    { schema: { tags, security: SIGNED_IN, summary: 'Đánh dấu đã đọc (mark as read)', params: NotificationParams, response: { 200: NotificationItem } } },
    async (request) => readNotification(db, requireActor(request), request.auditContext(), request.params.id),
  );

  app.post(
    '/api/notifications/read-all',
    { schema: { tags, security: SIGNED_IN, summary: 'Đánh dấu tất cả đã đọc (mark all as read)', response: { 200: ReadAllResult } } },
    async (request) => readAllNotifications(db, requireActor(request), request.auditContext()),
  );
}
