import type { FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS, type ErrorCode } from '../errors/catalogue.js';
import type { FieldError } from '../errors/app-error.js';
import { fill, pickLanguage } from '../i18n/language.js';

/** RFC 9457 problem document, with our `code` and, for validation, `errors[]`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export function buildProblem(
  request: FastifyRequest,
  code: ErrorCode,
  params: Record<string, string | number> = {},
  fieldErrors?: FieldError[],
  extra?: Record<string, unknown>,
): Problem {
  const definition = ERRORS[code];
  const language = pickLanguage(request.headers['accept-language']);
  const detail = fill(definition[language], { requestId: request.id, ...params });
  return {
    type: `/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: fill(definition[language], { requestId: request.id, ...params }).split('. ')[0].replace(/\.$/, ''),
    status: definition.status,
    detail,
    code,
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...(fieldErrors && fieldErrors.length > 0 ? { errors: fieldErrors } : {}),
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply
    .code(problem.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('content-language', pickLanguage(reply.request.headers['accept-language']))
    .send(JSON.stringify(problem));
}
