import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '../../app.js';
import { requireActor } from '../../platform/auth/authenticate.js';
import { IDEMPOTENCY_HEADER, idempotencyKeyOf, sendIdempotent } from '../../platform/http/idempotent-route.js';
import { SIGNED_IN } from '../../platform/http/route-security.js';
import { createFileStore } from '../../platform/storage/create-file-store.js';
import { contentDisposition } from '../files/file-name.js';
import { actOnDocument } from './act-on-document.js';
import type { DocumentDeps } from './action-types.js';
import { createOutgoing } from './create-outgoing.js';
import { createBook, listBooks } from './document-books.js';
import { getDocument } from './document-detail.js';
import { vocabulary } from './document-vocabulary.js';
import {
  ActionBody,
  Book,
  BookList,
  BookQuery,
  DocumentDetail,
  DocumentFileParams,
  DocumentIdParams,
  DocumentList,
  IncomingBody,
  ListQuery,
  NewBookBody,
  OfficialList,
  OfficialsQuery,
  OutgoingBody,
  Vocabulary,
} from './documents.schema.js';
import { listDocuments } from './list-documents.js';
import { readDocumentFile } from './read-document-file.js';
import { registerIncoming } from './register-incoming.js';
import { listUnitOfficials } from './unit-officials.js';

export const DOCUMENT_TAGS = ['Văn bản'];

export async function documentsRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.ctx;
  const deps: DocumentDeps = { db, config, store: createFileStore(config) };
  const base = { tags: DOCUMENT_TAGS, security: SIGNED_IN };

  app.get(
    '/api/documents/vocabulary',
    { schema: { ...base, summary: 'Danh mục loại văn bản, độ khẩn, độ mật (Nghị định 30/2020)', response: { 200: Vocabulary } } },
    async (request) => vocabulary(request.language),
  );

  app.get(
    '/api/document-books',
    { schema: { ...base, summary: 'Sổ văn bản đến, đi, nội bộ của đơn vị', querystring: BookQuery, response: { 200: BookList } } },
    async (request) => listBooks(db, requireActor(request), request.query),
  );

  app.post(
    '/api/document-books',
    { schema: { ...base, summary: 'Mở thêm một sổ văn bản (văn thư)', body: NewBookBody, response: { 201: Book } } },
    async (request, reply) => reply.code(201).send(await createBook(db, request.auditContext(), requireActor(request), request.body)),
  );

  app.get(
    '/api/documents/officials',
    {
      schema: {
        ...base,
        summary: 'Người có thẩm quyền ký (right=sign) hoặc cho ý kiến (right=review) văn bản của đơn vị',
        querystring: OfficialsQuery,
        response: { 200: OfficialList },
      },
    },
    async (request) => listUnitOfficials(db, requireActor(request), request.query.unitId, request.query.right ?? 'sign'),
  );

  app.get(
    '/api/documents',
    { schema: { ...base, summary: 'Sổ đăng ký và danh sách công việc văn bản', querystring: ListQuery, response: { 200: DocumentList } } },
    async (request) => listDocuments(db, request.auditContext(), requireActor(request), request.query, request.language),
  );

  app.post(
    '/api/documents/incoming',
    {
      schema: {
        ...base,
        summary: 'Vào sổ văn bản đến bản giấy đã quét',
        description: '409 DOCUMENT_DUPLICATE kèm duplicates khi trùng số, ký hiệu và cơ quan ban hành; gửi confirmDuplicate để vẫn vào sổ.',
        headers: IDEMPOTENCY_HEADER,
        body: IncomingBody,
        response: { 201: DocumentDetail },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await registerIncoming(deps, { context: request.auditContext(), actor: requireActor(request), body: request.body, language: request.language, idempotencyKey: idempotencyKeyOf(request) }),
      ),
  );

  app.post(
    '/api/documents/outgoing',
    { schema: { ...base, summary: 'Soạn thảo văn bản đi (tệp PDF hoặc nội dung)', headers: IDEMPOTENCY_HEADER, body: OutgoingBody, response: { 201: DocumentDetail } } },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await createOutgoing(deps, { context: request.auditContext(), actor: requireActor(request), body: request.body, language: request.language, idempotencyKey: idempotencyKeyOf(request) }),
      ),
  );

  app.get(
    '/api/documents/:id',
    { schema: { ...base, summary: 'Chi tiết văn bản, lịch sử và các thao tác được phép', params: DocumentIdParams, response: { 200: DocumentDetail } } },
    async (request) => getDocument(db, request.auditContext(), requireActor(request), request.params.id, request.language),
  );

  app.post(
    '/api/documents/:id/actions',
    {
      schema: {
        ...base,
        summary: 'Thực hiện một thao tác trên văn bản (vào sổ, phân công, trình, ký, phát hành…)',
        description: '409 DOCUMENT_CHANGED khi version đã cũ; 409 DOCUMENT_ACTION_NOT_ALLOWED kèm allowed.',
        headers: IDEMPOTENCY_HEADER,
        params: DocumentIdParams,
        body: ActionBody,
        response: { 200: DocumentDetail },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await actOnDocument(deps, {
          context: request.auditContext(),
          actor: requireActor(request),
          id: request.params.id,
          body: request.body,
          language: request.language,
          idempotencyKey: idempotencyKeyOf(request),
        }),
      ),
  );

  app.get(
    '/api/documents/:id/files/:fileId',
    { schema: { ...base, summary: 'Tải tệp của văn bản (bản chính, dự thảo, đính kèm, bản đã ký)', params: DocumentFileParams } },
    async (request, reply) => {
      const file = await readDocumentFile(deps, request.auditContext(), requireActor(request), request.params.id, request.params.fileId);
      return reply
        .type(file.mediaType)
        .header('content-length', file.size)
        .header('content-disposition', contentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
}
