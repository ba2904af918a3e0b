import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { App } from '../../app.js';
import { requireActor } from '../../platform/auth/authenticate.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/database/database.js';
import { SIGNED_IN } from '../../platform/http/route-security.js';
import { contentDisposition } from '../files/file-name.js';
import { getRoundAggregate } from './aggregate-report.js';
import { getAssignmentDetail } from './assignments.service.js';
import { mergeComputed } from './check-report-data.js';
import { reportPdf, reportWorkbook, type ReportSheet } from './report-export.js';
import { AggregateQuery, IdParams } from './reports.schema.js';
import { Type } from '@sinclair/typebox';

const STATUS_TEXT: Record<string, string> = {
  pending: 'Chưa nhập số liệu',
  draft: 'Đang soạn',
  submitted: 'Đã gửi, chờ xem xét',
  returned: 'Bị trả lại',
  accepted: 'Đã chấp nhận',
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Format = Type.Object({ format: Type.Union([Type.Literal('xlsx'), Type.Literal('pdf')]) });
const ExportParams = Type.Composite([IdParams, Format]);
const fileSchema = { 200: Type.String({ format: 'binary' }) };

async function assignmentSheet(db: Executor, actor: Actor, id: number): Promise<ReportSheet> {
  const detail = await getAssignmentDetail(db, actor, id, 'vi');
  return {
    templateName: detail.template.name,
    templateCode: detail.template.code,
    unitName: detail.unit.name,
    periodLabel: detail.round.periodLabel,
    periodFrom: detail.round.periodFrom,
    periodTo: detail.round.periodTo,
    dueDate: detail.round.dueDate,
    statusLine: `${STATUS_TEXT[detail.status]} — phiên bản ${detail.currentVersion}`,
    document: detail.template.document,
    values: mergeComputed(detail.data, detail.computed),
  };
}

async function aggregateSheet(db: Executor, actor: Actor, roundId: number, unitId: number | undefined): Promise<ReportSheet> {
  const aggregate = await getRoundAggregate(db, actor, roundId, unitId);
  const template = await db.selectFrom('report_rounds').innerJoin('report_templates', 'report_templates.id', 'report_rounds.template_id').select(['report_templates.name', 'report_templates.code']).where('report_rounds.id', '=', roundId).executeTakeFirstOrThrow();
  const total = aggregate.includedUnits.length + aggregate.pendingUnits.length;
  return {
    templateName: `${template.name} — Tổng hợp`,
    templateCode: template.code,
    unitName: aggregate.unit.name,
    ...aggregate.round,
    statusLine: `Tổng hợp ${aggregate.includedUnits.length}/${total} đơn vị đã được chấp nhận`,
    document: aggregate.document,
    values: aggregate.values,
    includedUnits: aggregate.includedUnits.map((u) => u.name),
    pendingUnits: aggregate.pendingUnits.map((u) => u.name),
  };
}

async function send(reply: FastifyReply, sheet: ReportSheet, format: 'xlsx' | 'pdf', baseName: string) {
  const file = format === 'xlsx' ? await reportWorkbook(sheet) : await reportPdf(sheet);
  return reply
    .type(format === 'xlsx' ? XLSX : 'application/pdf')
    .header('content-disposition', contentDisposition(`${baseName}.${format}`))
    .header('cache-control', 'private, no-store')
    .send(file);
}

/** Excel and PDF of a unit's report and of a round's aggregate (issue 6: export any report or aggregate). */
export async function reportExportRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, readDb } = app.ctx;

  app.get(
    '/api/reports/assignments/:id.:format',
    { schema: { tags: ['Báo cáo định kỳ'], security: SIGNED_IN, summary: 'Tải báo cáo của đơn vị (Excel hoặc PDF)', params: ExportParams, response: fileSchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      const sheet = await assignmentSheet(db, actor, request.params.id);
      await db.transaction().execute((tx) =>
        recordAudit(tx, request.auditContext(), { action: 'report.export', entityType: 'report_assignment', entityId: request.params.id, summary: { format: request.params.format } }),
      );
      return send(reply, sheet, request.params.format, `bao-cao-${request.params.id}`);
    },
  );

  app.get(
    '/api/reports/rounds/:id/aggregate.:format',
    { schema: { tags: ['Báo cáo định kỳ'], security: SIGNED_IN, summary: 'Tải số liệu tổng hợp của đợt (Excel hoặc PDF)', params: ExportParams, querystring: AggregateQuery, response: fileSchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      const sheet = await aggregateSheet(readDb, actor, request.params.id, request.query.unit);
      await db.transaction().execute((tx) =>
        recordAudit(tx, request.auditContext(), { action: 'report.export_aggregate', entityType: 'report_round', entityId: request.params.id, summary: { format: request.params.format, unit: request.query.unit ?? null } }),
      );
      return send(reply, sheet, request.params.format, `tong-hop-${request.params.id}`);
    },
  );
}
