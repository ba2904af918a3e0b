import type { Executor } from '../../platform/database/database.js';
import { DEFAULT_SERVICE_INDEX_CONFIG, type ServiceIndexConfig } from './service-index.config.js';

export interface StoredConfig {
  version: number;
  document: ServiceIndexConfig;
  note: string | null;
  createdAt: string | null;
  createdBy: number | null;
}

/** The latest saved configuration, or the built-in Decision 766 default (version 0) until one is saved. */
export async function getCurrentConfig(db: Executor): Promise<StoredConfig> {
  const row = await db.selectFrom('service_index_configs').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return { version: 0, document: DEFAULT_SERVICE_INDEX_CONFIG, note: null, createdAt: null, createdBy: null };
  const document = JSON.parse(row.document) as ServiceIndexConfig;
  return { version: Number(row.version), document: { ...document, version: Number(row.version) }, note: row.note, createdAt: row.created_at, createdBy: row.created_by === null ? null : Number(row.created_by) };
}
