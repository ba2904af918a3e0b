import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { toFieldErrors } from '../errors/validation-messages.js';
import { pickLanguage } from '../i18n/language.js';
import { buildProblem, sendProblem } from './problem.js';
import type { ErrorCode } from '../errors/catalogue.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../database/unavailable.js';

// Fastify's own error codes → ours, so every 4xx the framework raises has the same problem body.
const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_RATE_LIMIT: 'RATE_LIMITED',
};

/** One handler maps every error to application/problem+json (RFC 9457); 5xx never shows internals. */
export function registerErrorHandler(app: FastifyInstance, options: { spaIndex?: string } = {}): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      // RATE_LIMITED, SERVER_BUSY, DATABASE_UNAVAILABLE: the client learns when to come back (RFC 9110 §10.2.3).
      if (error.params.retryAfter) reply.header('retry-after', String(error.params.retryAfter));
      return sendProblem(reply, buildProblem(request, error.code, error.params, error.fieldErrors, error.extra));
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      const language = pickLanguage(request.headers['accept-language']);
      const context = fastifyError.validationContext;
      // Body paths stay as they are (`/username`); other parts are prefixed (`/query/page`).
      const prefix = context && context !== 'body' ? `/${context === 'querystring' ? 'query' : context}` : '';
      const fields = toFieldErrors(fastifyError.validation as any, language, prefix);
      return sendProblem(reply, buildProblem(request, 'VALIDATION_FAILED', {}, fields));
    }
    const mapped = fastifyError.code ? FRAMEWORK_CODES[fastifyError.code] : undefined;
    if (mapped) return sendProblem(reply, buildProblem(request, mapped));
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code: ErrorCode = status === 404 ? 'NOT_FOUND' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : status === 413 ? 'BODY_TOO_LARGE' : 'VALIDATION_FAILED';
      return sendProblem(reply, { ...buildProblem(request, code), status });
    }
    if (status === 503) return sendProblem(reply.header('retry-after', '5'), buildProblem(request, 'SERVICE_UNAVAILABLE'));
    if (isDatabaseUnavailable(error)) {
      // A down or busy database is an outage, not a bug: 503 and Retry-After, so clients retry with the same
      // Idempotency-Key. Only the driver's code is logged; its message may quote a statement's values.
      request.log.warn({ dbErrorCode: (error as { code?: string }).code ?? 'connection' }, 'database unavailable');
      const retryAfter = DATABASE_RETRY_AFTER_SECONDS;
      return sendProblem(reply.header('retry-after', String(retryAfter)), buildProblem(request, 'DATABASE_UNAVAILABLE', { retryAfter }));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, buildProblem(request, 'INTERNAL'));
  });

  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app (/office/units, /login…) all load the app's index page.
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/');
    if (isPage && options.spaIndex) return reply.type('text/html; charset=utf-8').sendFile(options.spaIndex);
    return sendProblem(reply, buildProblem(request, 'ROUTE_NOT_FOUND'));
  });
}
