import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '../../app.js';
import { requireActor } from '../../platform/auth/authenticate.js';
import { mergeUnit } from './merge-unit.js';
import {
  CreateUnitBody,
  MergeResult,
  MergeUnitBody,
  MoveUnitBody,
  Unit,
  UnitDetail,
  UnitList,
  UnitListQuery,
  UnitParams,
  UpdateUnitBody,
} from './units.schema.js';
import { createUnit, getUnitDetail, listUnits, moveUnit, updateUnit } from './units.service.js';
import { SIGNED_IN } from '../../platform/http/route-security.js';

const tags = ['Đơn vị'];
export async function unitsRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.ctx;

  app.get(
    '/api/units',
    { schema: { tags, security: SIGNED_IN, summary: 'Danh sách đơn vị (cây tổ chức, theo thứ tự duyệt cây)', querystring: UnitListQuery, response: { 200: UnitList } } },
    async (request) => ({ items: await listUnits(db, requireActor(request), { includeMerged: request.query.includeMerged ?? false }) }),
  );

  app.get(
    '/api/units/:id',
    { schema: { tags, security: SIGNED_IN, summary: 'Thông tin đơn vị và các cấp trên', params: UnitParams, response: { 200: UnitDetail } } },
    async (request) => getUnitDetail(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/units',
    { schema: { tags, security: SIGNED_IN, summary: 'Tạo đơn vị', body: CreateUnitBody, response: { 201: Unit } } },
    async (request, reply) => reply.code(201).send(await createUnit(db, request.auditContext(), request.body, requireActor(request))),
  );

  app.patch(
    '/api/units/:id',
    { schema: { tags, security: SIGNED_IN, summary: 'Đổi tên, mã, loại đơn vị', params: UnitParams, body: UpdateUnitBody, response: { 200: Unit } } },
    async (request) => updateUnit(db, request.auditContext(), request.params.id, request.body, requireActor(request)),
  );

  app.post(
    '/api/units/:id/move',
    { schema: { tags, security: SIGNED_IN, summary: 'Chuyển đơn vị sang đơn vị cấp trên khác', params: UnitParams, body: MoveUnitBody, response: { 200: Unit } } },
    async (request) => moveUnit(db, request.auditContext(), request.params.id, request.body.parentId, requireActor(request)),
  );

  app.post(
    '/api/units/:id/merge',
    {
      schema: {
        tags,
        security: SIGNED_IN,
        summary: 'Sáp nhập đơn vị vào đơn vị khác (chuyển tài khoản, phân quyền và hồ sơ đang xử lý)',
        params: UnitParams,
        body: MergeUnitBody,
        response: { 200: MergeResult },
      },
    },
    async (request) => mergeUnit(db, request.auditContext(), request.params.id, request.body, requireActor(request)),
  );
}
