import type { Config } from './config.js';
import type { Database, Db } from './database/database.js';
import type { DialectName } from './database/dialect.js';
import type { Actor } from './auth/actor.js';
import type { AuditContext } from './audit/audit.js';
import type { Language } from './i18n/language.js';

/** What every module gets from the app: configuration and the database. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  /** Reports and dashboards read here (DATABASE_READ_URL, a standby a few seconds behind, or `db`); never for writes. */
  readDb: Db;
  dialect: DialectName;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    /** The authenticated caller, or null for an anonymous request. */
    actor: Actor | null;
    language: Language;
    auditContext(): AuditContext;
  }
  interface FastifyContextConfig {
    /** Open to anonymous callers (deny by default otherwise). */
    public?: boolean;
    /** Reachable while an administrator still has to enrol TOTP. */
    allowDuringMfaEnrolment?: boolean;
  }
}
