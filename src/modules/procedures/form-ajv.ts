import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The Ajv instance for procedure application forms (JSON Schema draft-07, the dialect the web form renderer
 * reads). Kept apart from the request-validation instances so administrators' schemas never share their cache.
 */
export function createFormAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
  addFormats.default(ajv);
  return ajv;
}
