import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.js';
import { requireActor } from '../../platform/auth/authenticate.js';
import { SIGNED_IN } from '../../platform/http/route-security.js';
import { getRoundAggregate } from './aggregate-report.js';
import { getAssignmentDetail, getAssignmentVersion, listAssignments, reviewAssignment, saveAssignment, submitAssignment } from './assignments.service.js';
import { listSources } from './report-sources.js';
import {
  AggregateQuery,
  AssignmentDetail,
  AssignmentList,
  AssignmentListQuery,
  AssignmentVersion,
  CreateRoundBody,
  CreateTemplateBody,
  IdParams,
  ReportSourceList,
  ReviewAssignmentBody,
  RoundAggregate,
  RoundDetail,
  RoundList,
  RoundListQuery,
  SaveAssignmentBody,
  SubmitAssignmentBody,
  TemplateDetail,
  TemplateList,
  TemplateListQuery,
  UpdateTemplateBody,
  VersionParams,
} from './reports.schema.js';
import { createRound, getRoundDetail, listRounds } from './rounds.service.js';
import { createTemplate, getTemplateDetail, listTemplates, retireTemplate, updateTemplate } from './templates.service.js';
import { reportExportRoutes } from './report-export.routes.js';

const TAGS = ['Báo cáo định kỳ'];
const common = { tags: TAGS, security: SIGNED_IN };

export async function reportsRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, readDb, config } = app.ctx;
  const edit = (request: FastifyRequest) => ({ db, context: request.auditContext(), actor: requireActor(request), language: request.language, publicUrl: config.publicUrl });

  app.get('/api/reports/sources', { schema: { ...common, summary: 'Các chỉ tiêu hệ thống tự tổng hợp được (nguồn số liệu)', response: { 200: ReportSourceList } } }, async (request) => {
    requireActor(request);
    return listSources();
  });

  // ——— Templates (report.manage) ———
  app.get('/api/reports/templates', { schema: { ...common, summary: 'Danh sách mẫu báo cáo', querystring: TemplateListQuery, response: { 200: TemplateList } } }, async (request) =>
    listTemplates(db, requireActor(request), request.query),
  );
  app.post('/api/reports/templates', { schema: { ...common, summary: 'Tạo mẫu báo cáo (phiên bản 1)', body: CreateTemplateBody, response: { 201: TemplateDetail } } }, async (request, reply) =>
    reply.code(201).send(await createTemplate(db, request.auditContext(), requireActor(request), request.body)),
  );
  app.get('/api/reports/templates/:id', { schema: { ...common, summary: 'Mẫu báo cáo và các phiên bản', params: IdParams, response: { 200: TemplateDetail } } }, async (request) =>
    getTemplateDetail(db, requireActor(request), request.params.id),
  );
  app.put('/api/reports/templates/:id', { schema: { ...common, summary: 'Sửa mẫu báo cáo: tạo phiên bản mới', description: '409 REPORT_CHANGED khi expectedVersion không còn là phiên bản hiện hành.', params: IdParams, body: UpdateTemplateBody, response: { 200: TemplateDetail } } }, async (request) =>
    updateTemplate(db, request.auditContext(), requireActor(request), request.params.id, request.body),
  );
  app.post('/api/reports/templates/:id/retire', { schema: { ...common, summary: 'Ngừng sử dụng mẫu báo cáo', params: IdParams, response: { 200: TemplateDetail } } }, async (request) =>
    retireTemplate(db, request.auditContext(), requireActor(request), request.params.id),
  );

  // ——— Rounds (report.manage on the assigning unit) ———
  app.post('/api/reports/rounds', { schema: { ...common, summary: 'Giao báo cáo cho các đơn vị (đợt báo cáo)', body: CreateRoundBody, response: { 201: RoundDetail } } }, async (request, reply) =>
    reply.code(201).send(await createRound(db, request.auditContext(), requireActor(request), request.body)),
  );
  app.get('/api/reports/rounds', { schema: { ...common, summary: 'Danh sách đợt báo cáo', querystring: RoundListQuery, response: { 200: RoundList } } }, async (request) =>
    listRounds(db, requireActor(request), request.query),
  );
  app.get('/api/reports/rounds/:id', { schema: { ...common, summary: 'Đợt báo cáo: mẫu, tình trạng của từng đơn vị', params: IdParams, response: { 200: RoundDetail } } }, async (request) =>
    getRoundDetail(db, requireActor(request), request.params.id),
  );
  app.get('/api/reports/rounds/:id/aggregate', { schema: { ...common, summary: 'Tổng hợp số liệu các báo cáo đã chấp nhận của cây đơn vị', params: IdParams, querystring: AggregateQuery, response: { 200: RoundAggregate } } }, async (request) => {
    const { document: _document, round: _round, ...aggregate } = await getRoundAggregate(readDb, requireActor(request), request.params.id, request.query.unit);
    return aggregate;
  });

  // ——— Assignments ———
  app.get('/api/reports/assignments', { schema: { ...common, summary: 'Báo cáo của đơn vị (report.submit)', querystring: AssignmentListQuery, response: { 200: AssignmentList } } }, async (request) =>
    listAssignments(db, requireActor(request), request.query),
  );
  app.get('/api/reports/assignments/:id', { schema: { ...common, summary: 'Báo cáo của một đơn vị: số liệu, lỗi, lịch sử', params: IdParams, response: { 200: AssignmentDetail } } }, async (request) =>
    getAssignmentDetail(db, requireActor(request), request.params.id, request.language),
  );
  app.put('/api/reports/assignments/:id', { schema: { ...common, summary: 'Lưu nháp (phiên bản mới)', params: IdParams, body: SaveAssignmentBody, response: { 200: AssignmentDetail } } }, async (request) =>
    saveAssignment(edit(request), request.params.id, request.body),
  );
  app.post('/api/reports/assignments/:id/submit', { schema: { ...common, summary: 'Gửi báo cáo', description: '422 REPORT_INVALID với errors[].path /data/{dòng}/{cột}.', params: IdParams, body: SubmitAssignmentBody, response: { 200: AssignmentDetail } } }, async (request) =>
    submitAssignment(edit(request), request.params.id, request.body),
  );
  app.post('/api/reports/assignments/:id/review', { schema: { ...common, summary: 'Chấp nhận hoặc trả lại báo cáo (đơn vị giao)', params: IdParams, body: ReviewAssignmentBody, response: { 200: AssignmentDetail } } }, async (request) =>
    reviewAssignment(edit(request), request.params.id, request.body),
  );
  app.get('/api/reports/assignments/:id/versions/:version', { schema: { ...common, summary: 'Một phiên bản số liệu đã lưu hoặc đã gửi', params: VersionParams, response: { 200: AssignmentVersion } } }, async (request) =>
    getAssignmentVersion(db, requireActor(request), request.params.id, request.params.version),
  );

  await app.register(reportExportRoutes);
}
