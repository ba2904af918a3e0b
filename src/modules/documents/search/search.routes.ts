import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '../../../app.js';
import { requireActor } from '../../../platform/auth/authenticate.js';
import { SIGNED_IN } from '../../../platform/http/route-security.js';
import { searchDocuments } from './search-documents.js';
import { SearchQuery, SearchResult } from './search.schema.js';

export async function documentSearchRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, dialect } = app.ctx;
  app.get(
    '/api/documents/search',
    {
      schema: {
        tags: ['Văn bản'],
        security: SIGNED_IN,
        summary: 'Tìm kiếm văn bản, không phân biệt dấu, cả trong nội dung PDF (full-text document search)',
        querystring: SearchQuery,
        response: { 200: SearchResult },
      },
    },
    async (request) => searchDocuments({ db, dialect }, request.auditContext(), requireActor(request), request.query, request.language),
  );
}
