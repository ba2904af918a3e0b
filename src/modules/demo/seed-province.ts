import { randomBytes } from 'node:crypto';
import type { Db, Executor } from '../../platform/database/database.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { hashPassword } from '../../platform/auth/password.js';
import { assertStrongPassword } from '../../platform/auth/password-policy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { insertUnitRow } from '../units/units.repository.js';
import { insertUserRow, replaceGrantRows } from '../users/users.repository.js';
import { countUnits } from './demo.repository.js';
import { parseProvinceSeed } from './parse-province-seed.js';
import type { ProvinceSeed, UnitSeed } from './province.schema.js';

export interface SeededAccount {
  username: string;
  fullName: string;
  role: string;
  title: string | null;
}

export interface SeedResult {
  units: number;
  accounts: SeededAccount[];
  /** The accounts' password: the configured one, or a generated one that must be shown once. */
  password: string;
  passwordGenerated: boolean;
}

export interface SeedOptions {
  /** CQS_DEMO_PASSWORD; when absent a random strong password is generated. */
  password?: string;
  auditContext: AuditContext;
}

/** 16 random base64url characters (96 bits): passes the password policy and is readable aloud. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

async function insertTree(tx: Executor, context: AuditContext, unit: UnitSeed, parentId: number | null, ids: Map<string, number>) {
  const id = await insertUnitRow(tx, { code: unit.code, name: unit.name, shortName: unit.shortName, type: unit.type, parentId });
  ids.set(unit.code, id);
  await recordAudit(tx, context, {
    action: 'unit.create',
    entityType: 'unit',
    entityId: id,
    unitId: id,
    summary: { after: { code: unit.code, name: unit.name, type: unit.type, parentId }, source: 'seed' },
  });
  for (const child of unit.children ?? []) await insertTree(tx, context, child, id, ids);
}

/*
 * Rows go through the units and users repositories (so derived columns such as users.search_text are filled),
 * not through their use cases: seeding runs in one transaction for the whole tree, before any account exists.
 */

/**
 * Loads a province (units and optional accounts) into an empty database, in one transaction, every row audited.
 * Refuses when units already exist: seeding twice would duplicate the tree (SEED_UNITS_EXIST).
 */
export async function seedProvince(db: Db, input: unknown, options: SeedOptions): Promise<SeedResult> {
  const seed: ProvinceSeed = parseProvinceSeed(input);
  const password = options.password ?? generatePassword();
  const accounts = seed.accounts ?? [];
  if (accounts.length) assertStrongPassword(password, 'vi');
  // Checked again inside the transaction; this early answer spares the password hashing.
  if ((await countUnits(db)) > 0) throw new AppError('SEED_UNITS_EXIST');
  // scrypt before the transaction keeps the write lock short. Every seeded account gets the same password (printed
  // once), so one hash for all of them reveals nothing a per-account salt would hide, and saves ~0.3 CPU-s per account.
  const sharedHash = accounts.length ? await hashPassword(password) : '';
  const hashes = accounts.map(() => sharedHash);
  const context = options.auditContext;

  return db.transaction().execute(async (tx) => {
    if ((await countUnits(tx)) > 0) throw new AppError('SEED_UNITS_EXIST');
    const ids = new Map<string, number>();
    await insertTree(tx, context, seed.province, null, ids);
    const seeded: SeededAccount[] = [];
    for (const [i, account] of accounts.entries()) {
      const unitId = account.unitCode ? ids.get(account.unitCode)! : null;
      const grantUnitId = account.grantUnitCode ? ids.get(account.grantUnitCode)! : unitId;
      const kind = account.role === 'citizen' ? 'citizen' : 'official';
      const userId = await insertUserRow(tx, {
        username: account.username,
        fullName: account.fullName,
        email: account.email ?? null,
        phone: null,
        kind,
        unitId,
        title: account.title ?? null,
        identityNumber: account.identityNumber ?? null,
        passwordHash: hashes[i],
      });
      const includeSubtree = account.includeSubtree ?? false;
      await replaceGrantRows(tx, userId, [{ role: account.role, unitId: grantUnitId, includeSubtree }], null);
      // Never the password or the identity number in the audit summary.
      await recordAudit(tx, context, {
        action: 'user.create',
        entityType: 'user',
        entityId: userId,
        unitId,
        summary: { after: { username: account.username, kind, unitId, roles: [{ role: account.role, unitId: grantUnitId, includeSubtree }] }, source: 'seed' },
      });
      seeded.push({ username: account.username, fullName: account.fullName, role: account.role, title: account.title ?? null });
    }
    await recordAudit(tx, context, {
      action: 'seed.province',
      entityType: 'unit',
      entityId: ids.get(seed.province.code)!,
      summary: { province: seed.province.name, units: ids.size, accounts: seeded.length },
    });
    return { units: ids.size, accounts: seeded, password, passwordGenerated: options.password === undefined };
  });
}
