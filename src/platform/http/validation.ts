import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/**
 * Two Ajv instances: bodies are checked strictly (no type coercion, unknown fields refused, every error
 * reported), while query strings and path parameters coerce "2" → 2 as HTTP requires.
 */
function createAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, strict: false, ...options });
  addFormats.default(ajv);
  return ajv;
}

export function registerValidation(app: FastifyInstance): void {
  const body = createAjv({ coerceTypes: false });
  const other = createAjv({ coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? body : other;
    return ajv.compile(schema);
  });
}
