import type { Actor } from '../../platform/auth/actor.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import type { Config } from '../../platform/config.js';
import type { Db, Tx } from '../../platform/database/database.js';
import type { DocumentRow, DocumentUpdate } from '../../platform/database/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Language } from '../../platform/i18n/language.js';
import type { FileStore } from '../../platform/storage/file-store.js';
import type { DocumentViewer } from './document-access.js';
import type { ActionBody } from './documents.schema.js';

/** What document use cases need from the app: the database, the file store and the configuration. */
export interface DocumentDeps {
  db: Db;
  store: FileStore;
  config: Config;
}

export interface ActionInput {
  tx: Tx;
  deps: DocumentDeps;
  row: DocumentRow;
  viewer: DocumentViewer;
  actor: Actor;
  body: ActionBody;
  now: Date;
  language: Language;
  context: AuditContext;
}

export interface ActionOutcome {
  changes: DocumentUpdate;
  /** Kept in the history event and the audit entry's summary. */
  details: Record<string, unknown>;
}

export type ActionHandler = (input: ActionInput) => Promise<ActionOutcome>;

const REQUIRED = { vi: 'Bắt buộc nhập trường này.', en: 'This field is required.' } as const;

/** 400 VALIDATION_FAILED naming the field, in the caller's language. */
export function invalidField(field: string, message: Record<Language, string>, language: Language): AppError {
  return new AppError('VALIDATION_FAILED', {}, [{ path: `/${field}`, message: message[language] }]);
}

export function requireField<T>(value: T | undefined | null, field: string, language: Language): T {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) throw invalidField(field, REQUIRED, language);
  return value;
}
