import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-user-search.js';
import * as m0003 from './0003-totp-last-step.js';
import * as m0004 from './0004-procedures.js';
import * as m0005 from './0005-files.js';
import * as m0006 from './0006-outbox-notifications.js';
import * as m0007 from './0007-calendar.js';
import * as m0008 from './0008-dossiers.js';
import * as m0009 from './0009-payments.js';
import * as m0010 from './0010-documents.js';
import * as m0011 from './0011-document-exchange.js';
import * as m0012 from './0012-service-index.js';
import * as m0013 from './0013-reports.js';
import * as m0014 from './0014-dossier-pending-index.js';

/**
 * Every migration, in order. Numbered, one per change, identical on SQLite and PostgreSQL;
 * a static list (not a folder scan) so the same code runs from `src/` under tsx and from `dist/`.
 */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-user-search': m0002,
  '0003-totp-last-step': m0003,
  '0004-procedures': m0004,
  '0005-files': m0005,
  '0006-outbox-notifications': m0006,
  '0007-calendar': m0007,
  '0008-dossiers': m0008,
  '0009-payments': m0009,
  '0010-documents': m0010,
  '0011-document-exchange': m0011,
  '0012-service-index': m0012,
  '0013-reports': m0013,
  '0014-dossier-pending-index': m0014,
};
