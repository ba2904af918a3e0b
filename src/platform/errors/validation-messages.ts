import type { ErrorObject } from 'ajv';
import type { Language } from '../i18n/language.js';
import type { FieldError } from './app-error.js';

type Params = Record<string, any>;

// Ajv keyword → message in each language. Unknown keywords fall back to Ajv's own (English) text.
const MESSAGES: Record<string, Record<Language, (p: Params) => string>> = {
  required: { vi: () => 'Trường này là bắt buộc.', en: () => 'This field is required.' },
  additionalProperties: { vi: () => 'Trường này không được phép.', en: () => 'This field is not allowed.' },
  type: {
    vi: (p) => `Phải có kiểu ${TYPE_VI[p.type] ?? p.type}.`,
    en: (p) => `Must be of type ${p.type}.`,
  },
  minLength: { vi: (p) => `Phải có ít nhất ${p.limit} ký tự.`, en: (p) => `Must have at least ${p.limit} characters.` },
  maxLength: { vi: (p) => `Không được vượt quá ${p.limit} ký tự.`, en: (p) => `Must have at most ${p.limit} characters.` },
  minimum: { vi: (p) => `Phải lớn hơn hoặc bằng ${p.limit}.`, en: (p) => `Must be ≥ ${p.limit}.` },
  maximum: { vi: (p) => `Phải nhỏ hơn hoặc bằng ${p.limit}.`, en: (p) => `Must be ≤ ${p.limit}.` },
  exclusiveMinimum: { vi: (p) => `Phải lớn hơn ${p.limit}.`, en: (p) => `Must be > ${p.limit}.` },
  exclusiveMaximum: { vi: (p) => `Phải nhỏ hơn ${p.limit}.`, en: (p) => `Must be < ${p.limit}.` },
  minItems: { vi: (p) => `Phải có ít nhất ${p.limit} phần tử.`, en: (p) => `Must have at least ${p.limit} items.` },
  maxItems: { vi: (p) => `Không được quá ${p.limit} phần tử.`, en: (p) => `Must have at most ${p.limit} items.` },
  pattern: { vi: () => 'Không đúng định dạng.', en: () => 'Has the wrong format.' },
  format: {
    vi: (p) => `Không đúng định dạng ${FORMAT_VI[p.format] ?? p.format}.`,
    en: (p) => `Must be a valid ${p.format}.`,
  },
  enum: {
    vi: (p) => `Phải là một trong các giá trị: ${(p.allowedValues ?? []).join(', ')}.`,
    en: (p) => `Must be one of: ${(p.allowedValues ?? []).join(', ')}.`,
  },
  const: { vi: (p) => `Phải bằng ${p.allowedValue}.`, en: (p) => `Must equal ${p.allowedValue}.` },
  anyOf: { vi: () => 'Giá trị không hợp lệ.', en: () => 'The value is not valid.' },
  oneOf: { vi: () => 'Giá trị không hợp lệ.', en: () => 'The value is not valid.' },
};

const TYPE_VI: Record<string, string> = {
  string: 'chuỗi ký tự',
  integer: 'số nguyên',
  number: 'số',
  boolean: 'đúng/sai',
  object: 'đối tượng',
  array: 'danh sách',
  null: 'rỗng',
};

const FORMAT_VI: Record<string, string> = {
  email: 'thư điện tử',
  date: 'ngày (yyyy-MM-dd)',
  'date-time': 'ngày giờ',
  uri: 'địa chỉ URL',
  uuid: 'UUID',
};

/** Turns Ajv errors into one entry per field, with the field's full path, in the caller's language. */
export function toFieldErrors(errors: ErrorObject[], language: Language, prefix = ''): FieldError[] {
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    let path = prefix + error.instancePath;
    if (error.keyword === 'required') path += `/${error.params.missingProperty}`;
    if (error.keyword === 'additionalProperties') path += `/${error.params.additionalProperty}`;
    if (path === '') path = '/';
    const translate = MESSAGES[error.keyword]?.[language];
    const message = translate ? translate(error.params) : (error.message ?? 'invalid');
    const key = `${path}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fields.push({ path, message });
  }
  return fields;
}
