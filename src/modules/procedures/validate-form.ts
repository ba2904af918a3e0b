import type { ValidateFunction } from 'ajv';
import type { FieldError } from '../../platform/errors/app-error.js';
import { AppError } from '../../platform/errors/app-error.js';
import { toFieldErrors } from '../../platform/errors/validation-messages.js';
import type { Language } from '../../platform/i18n/language.js';
import { createFormAjv } from './form-ajv.js';
import type { ProcedureVersion } from './procedures.schema.js';

type FormVersion = Pick<ProcedureVersion, 'code' | 'version' | 'form'>;

const ajv = createFormAjv();
// A version's document never changes once saved, so its compiled validator can live as long as the process. The schema
// text is part of the key: one process may serve several databases (tests, tools) where the same code and version
// hold different forms.
const validators = new Map<string, ValidateFunction>();

function validatorFor(version: FormVersion): ValidateFunction {
  const key = `${version.code}@${version.version}:${JSON.stringify(version.form.schema)}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(version.form.schema);
    validators.set(key, validate);
  }
  return validate;
}

/** Application data checked against the form of the version a dossier is filed under; paths start with /form. */
export function validateApplicationForm(version: FormVersion, data: unknown, language: Language): FieldError[] {
  const validate = validatorFor(version);
  if (validate(data)) return [];
  return toFieldErrors(validate.errors ?? [], language, '/form');
}

/** As validateApplicationForm, but throws VALIDATION_FAILED (400) with the field errors. */
export function assertApplicationForm(version: FormVersion, data: unknown, language: Language): void {
  const errors = validateApplicationForm(version, data, language);
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
}
