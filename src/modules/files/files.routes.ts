import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Language } from '../../platform/i18n/language.js';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '../../app.js';
import { requireActor } from '../../platform/auth/authenticate.js';
import { AppError } from '../../platform/errors/app-error.js';
import { createFileStore } from '../../platform/storage/create-file-store.js';
import { FileIdParams, FileMeta } from './files.schema.js';
import { contentDisposition } from './file-name.js';
import { downloadFile, readFileMeta } from './read-file.js';
import { uploadFile, type Upload } from './upload-file.js';
import { tooLarge } from './upload-guard.js';
import { SIGNED_IN } from '../../platform/http/route-security.js';

const FILE_FIELD = 'file';
const TAGS = ['Tệp tin'];
export async function filesRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { config, db } = app.ctx;
  const store = createFileStore(config);
  const maxBytes = config.uploadMaxBytes;
  // Registered inside this plugin only: no other route accepts multipart bodies.
  await app.register(multipart, {
    // One byte over the limit is enough for the guard to refuse it; busboy stops reading there.
    limits: { fileSize: maxBytes + 1, files: 1, fields: 10, parts: 11, fieldSize: 1024 },
  });

  app.post(
    '/api/files',
    {
      schema: {
        tags: TAGS,
        security: SIGNED_IN,
        summary: 'Tải lên một tệp PDF, JPEG hoặc PNG (upload a file)',
        description: `multipart/form-data, trường "${FILE_FIELD}"; loại tệp xác định theo nội dung; tối đa UPLOAD_MAX_BYTES.`,
        consumes: ['multipart/form-data'],
        response: { 201: FileMeta },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request, maxBytes);
      try {
        const meta = await uploadFile({ db, store, maxBytes }, requireActor(request), request.auditContext(), upload);
        return reply.code(201).send(meta);
      } catch (error) {
        // The multipart reader may report the size limit itself while the file streams.
        throw translateMultipartError(error, maxBytes, request.language);
      }
    },
  );

  app.get(
    '/api/files/:id/meta',
    {
      schema: {
        tags: TAGS,
        security: SIGNED_IN,
        summary: 'Thông tin một tệp đã tải lên (file metadata)',
        params: FileIdParams,
        response: { 200: FileMeta },
      },
    },
    async (request) => readFileMeta(db, requireActor(request), request.auditContext(), request.params.id),
  );

  app.get(
    '/api/files/:id',
    {
      schema: {
        tags: TAGS,
        security: SIGNED_IN,
        summary: 'Tải về nội dung một tệp (download a file)',
        params: FileIdParams,
      },
    },
    async (request, reply) => {
      const { meta, content } = await downloadFile({ db, store }, requireActor(request), request.auditContext(), request.params.id);
      return reply
        .type(meta.mediaType)
        .header('content-length', meta.size)
        .header('content-disposition', contentDisposition(meta.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );
}

/** The single file part named "file"; anything else is a problem document, never a half-read upload. */
async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  let part;
  try {
    part = await request.file();
  } catch (error) {
    throw translateMultipartError(error, maxBytes, request.language);
  }
  if (!part || part.fieldname !== FILE_FIELD) {
    part?.file.resume();
    throw new AppError('VALIDATION_FAILED', {}, [{ path: `/${FILE_FIELD}`, message: MISSING_FILE[request.language] }]);
  }
  return { content: part.file, fileName: part.filename };
}

const MISSING_FILE: Record<Language, string> = {
  vi: 'Cần gửi kèm một tệp trong trường "file".',
  en: 'Send one file in the "file" field.',
};
const ONE_FILE_ONLY: Record<Language, string> = {
  vi: 'Mỗi lần chỉ gửi một tệp và ít trường kèm theo.',
  en: 'Send one file at a time, with few other fields.',
};

function translateMultipartError(error: unknown, maxBytes: number, language: Language): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(maxBytes);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new AppError('VALIDATION_FAILED', {}, [{ path: `/${FILE_FIELD}`, message: ONE_FILE_ONLY[language] }]);
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('UNSUPPORTED_MEDIA_TYPE');
  return error;
}
