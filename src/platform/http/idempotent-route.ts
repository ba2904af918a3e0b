import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IdempotentResult } from './idempotency.js';

/** The `Idempotency-Key` request header of a retry-safe write (one value; a repeated header keeps the first). */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  return Array.isArray(value) ? value[0] : value;
}

/** Sends a (possibly replayed) idempotent result; a replay says so in a header. */
export function sendIdempotent<T>(reply: FastifyReply, result: IdempotentResult<T>): FastifyReply {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(result.statusCode).send(result.body);
}

/** OpenAPI description of the header, for the route schemas of retry-safe writes. */
export const IDEMPOTENCY_HEADER = {
  type: 'object',
  properties: { 'idempotency-key': { type: 'string', description: 'Khóa chống lặp: gửi lại cùng khóa thì không thực hiện lần hai' } },
} as const;
