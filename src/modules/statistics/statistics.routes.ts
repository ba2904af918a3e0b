import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '../../app.js';
import { requireActor } from '../../platform/auth/authenticate.js';
import { SIGNED_IN } from '../../platform/http/route-security.js';
import { contentDisposition } from '../files/file-name.js';
import { dashboardWorkbook } from './dashboard-excel.js';
import { getDashboard } from './get-dashboard.js';
import { listOverdue } from './list-overdue.js';
import { getPublicStatistics } from './public-statistics.js';
import { Dashboard, DashboardExportQuery, DashboardQuery, OverdueList, OverdueQuery, PublicStatistics, PublicStatisticsQuery } from './statistics.schema.js';

const TAGS = ['Thống kê, bảng điều hành'];

/**
 * Leader dashboards (report.view, issue 6): figures of a unit's subtree, the overdue list behind them, Excel export;
 * and the public statistics page's figures (no login: counts and scores only).
 */
export async function statisticsRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  // Figures only, never written here: they read from DATABASE_READ_URL when set (a standby, a few seconds behind).
  const { readDb } = app.ctx;

  app.get(
    '/api/statistics/dashboard',
    {
      schema: {
        tags: TAGS,
        security: SIGNED_IN,
        summary: 'Bảng điều hành: hồ sơ theo đơn vị, thủ tục, tháng, kênh; thanh toán, hài lòng, văn bản (leader dashboard)',
        querystring: DashboardQuery,
        response: { 200: Dashboard },
      },
    },
    async (request) => getDashboard(readDb, requireActor(request), request.language, request.query),
  );

  app.get(
    '/api/statistics/overdue',
    {
      schema: {
        tags: TAGS,
        security: SIGNED_IN,
        summary: 'Danh sách hồ sơ quá hạn của đơn vị và các đơn vị trực thuộc (overdue dossiers)',
        querystring: OverdueQuery,
        response: { 200: OverdueList },
      },
    },
    async (request) => listOverdue(readDb, requireActor(request), request.query),
  );

  app.get(
    '/api/statistics/dashboard.xlsx',
    {
      schema: {
        tags: TAGS,
        security: SIGNED_IN,
        summary: 'Bảng số liệu của một biểu đồ (hoặc tất cả, mỗi biểu đồ một trang tính) dạng Excel',
        querystring: DashboardExportQuery,
      },
    },
    async (request, reply) => {
      const { chart, ...query } = request.query;
      const dashboard = await getDashboard(readDb, requireActor(request), request.language, query);
      const name = `bang-dieu-hanh-${chart ?? 'tat-ca'}-${dashboard.from}-${dashboard.to}.xlsx`;
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(name))
        .header('cache-control', 'private, no-store')
        .send(await dashboardWorkbook(dashboard, chart));
    },
  );

  app.get(
    '/api/public/statistics',
    {
      config: { public: true },
      schema: {
        tags: ['Công khai'],
        summary: 'Thống kê công khai: số liệu hằng tháng của tỉnh, tỉ lệ đúng hạn và điểm Bộ chỉ số của từng sở, ngành, xã, phường',
        querystring: PublicStatisticsQuery,
        response: { 200: PublicStatistics },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return getPublicStatistics(readDb, request.language, request.query);
    },
  );
}
