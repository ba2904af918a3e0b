import type { FastifyRequest } from 'fastify';
import type { Language } from '../../platform/i18n/language.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import { tooLarge } from '../files/upload-guard.js';

export interface SigningForm {
  file: { content: Buffer; fileName: string } | undefined;
  fields: Record<string, string>;
}

const MESSAGES = {
  missingFile: { vi: 'Cần gửi kèm một tệp trong trường "file".', en: 'Send one file in the "file" field.' },
  required: { vi: 'Trường này là bắt buộc.', en: 'This field is required.' },
  unknown: { vi: 'Trường không được hỗ trợ.', en: 'Unsupported field.' },
  tooLong: { vi: 'Giá trị quá dài (tối đa {max} ký tự).', en: 'The value is too long (at most {max} characters).' },
  oneFile: { vi: 'Mỗi lần chỉ gửi một tệp và ít trường kèm theo.', en: 'Send one file at a time, with few other fields.' },
} satisfies Record<string, Record<Language, string>>;

const MAX_FIELD_CHARS = 500;

/**
 * Reads a multipart form of one file (field "file") and a few text fields into memory: certificates,
 * PKCS#12 files and PDFs to verify are small and are parsed whole anyway. Unknown fields are refused.
 */
export async function readSigningForm(request: FastifyRequest, maxBytes: number, allowedFields: readonly string[]): Promise<SigningForm> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const language = request.language;
  const form: SigningForm = { file: undefined, fields: {} };
  const errors: FieldError[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || form.file) {
          part.file.resume();
          errors.push({ path: `/${part.fieldname}`, message: MESSAGES.unknown[language] });
          continue;
        }
        form.file = { content: await part.toBuffer(), fileName: part.filename };
      } else if (!allowedFields.includes(part.fieldname)) {
        errors.push({ path: `/${part.fieldname}`, message: MESSAGES.unknown[language] });
      } else {
        const value = String(part.value ?? '');
        if (value.length > MAX_FIELD_CHARS) errors.push({ path: `/${part.fieldname}`, message: MESSAGES.tooLong[language].replace('{max}', String(MAX_FIELD_CHARS)) });
        form.fields[part.fieldname] = value;
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new AppError('VALIDATION_FAILED', {}, [{ path: '/file', message: MESSAGES.oneFile[language] }]);
    }
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    throw error;
  }
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
  return form;
}

/** The uploaded file, or a 400 problem pointing at /file. */
export function requireFile(form: SigningForm, language: Language): { content: Buffer; fileName: string } {
  if (!form.file || form.file.content.length === 0) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/file', message: MESSAGES.missingFile[language] }]);
  return form.file;
}

/** Required text fields, all reported at once. */
export function requireFields<K extends string>(form: SigningForm, names: readonly K[], language: Language): Record<K, string> {
  const missing = names.filter((name) => (form.fields[name] ?? '').trim() === '');
  if (missing.length > 0) throw new AppError('VALIDATION_FAILED', {}, missing.map((name) => ({ path: `/${name}`, message: MESSAGES.required[language] })));
  return Object.fromEntries(names.map((name) => [name, form.fields[name]!])) as Record<K, string>;
}

export function invalidField(path: string, message: Record<Language, string>, language: Language): AppError {
  return new AppError('VALIDATION_FAILED', {}, [{ path, message: message[language] }]);
}
