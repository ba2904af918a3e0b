import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '../../app.js';
import { requireActor } from '../../platform/auth/authenticate.js';
import {
  CalendarYear,
  Deadline,
  DeadlineQuery,
  OfficeHours,
  OfficeHoursBody,
  ReplaceYearBody,
  UnitParams,
  YearParams,
} from './calendar.schema.js';
import {
  clearOfficeHours,
  computeDeadline,
  getCalendarYear,
  getOfficeHours,
  getPublicHolidays,
  replaceCalendarYear,
  setOfficeHours,
} from './calendar.service.js';

const tags = ['Lịch làm việc'];
const security: Record<string, string[]>[] = [{ bearerAuth: [] }, { cookieAuth: [] }];

export async function calendarRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.ctx;

  // Registered before /api/calendar/:year so "deadline" is never read as a year.
  app.get(
    '/api/calendar/deadline',
    { schema: { tags, security, summary: 'Tính thời hạn (ngày hẹn trả) theo lịch làm việc của đơn vị', querystring: DeadlineQuery, response: { 200: Deadline } } },
    async (request) => computeDeadline(db, requireActor(request), request.query, request.language),
  );

  app.get(
    '/api/calendar/:year',
    { schema: { tags, security, summary: 'Ngày nghỉ lễ, nghỉ bù và làm bù trong năm', params: YearParams, response: { 200: CalendarYear } } },
    async (request) => getCalendarYear(db, requireActor(request), request.params.year),
  );

  app.put(
    '/api/calendar/:year',
    {
      schema: { tags, security, summary: 'Thay toàn bộ ngày nghỉ lễ, nghỉ bù, làm bù của năm', params: YearParams, body: ReplaceYearBody, response: { 200: CalendarYear } },
    },
    async (request) =>
      replaceCalendarYear(db, request.auditContext(), requireActor(request), request.params.year, request.body, request.language),
  );

  app.get(
    '/api/units/:id/office-hours',
    { schema: { tags, security, summary: 'Giờ làm việc của đơn vị (riêng, kế thừa cấp trên hoặc mặc định)', params: UnitParams, response: { 200: OfficeHours } } },
    async (request) => getOfficeHours(db, requireActor(request), request.params.id),
  );

  app.put(
    '/api/units/:id/office-hours',
    { schema: { tags, security, summary: 'Đặt giờ làm việc riêng của đơn vị', params: UnitParams, body: OfficeHoursBody, response: { 200: OfficeHours } } },
    async (request) => setOfficeHours(db, request.auditContext(), requireActor(request), request.params.id, request.body, request.language),
  );

  app.delete(
    '/api/units/:id/office-hours',
    { schema: { tags, security, summary: 'Bỏ giờ làm việc riêng, kế thừa lại từ cấp trên', params: UnitParams, response: { 200: OfficeHours } } },
    async (request) => clearOfficeHours(db, request.auditContext(), requireActor(request), request.params.id),
  );

  app.get(
    '/api/public/holidays/:year',
    {
      config: { public: true },
      schema: { tags: ['Công khai', ...tags], summary: 'Ngày nghỉ lễ, nghỉ bù, làm bù trong năm (công khai)', params: YearParams, response: { 200: CalendarYear } },
    },
    async (request) => getPublicHolidays(db, request.params.year),
  );
}
