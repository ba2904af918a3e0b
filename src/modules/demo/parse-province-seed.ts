import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import { toFieldErrors } from '../../platform/errors/validation-messages.js';
import { ProvinceSeed, type UnitSeed } from './province.schema.js';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile<ProvinceSeed>(ProvinceSeed);

function* walk(unit: UnitSeed, path: string): Generator<{ unit: UnitSeed; path: string }> {
  yield { unit, path };
  for (const [i, child] of (unit.children ?? []).entries()) yield* walk(child, `${path}/children/${i}`);
}

/** Rules the schema alone cannot say: unique codes and usernames, accounts pointing at units of the file. */
function crossReferenceErrors(seed: ProvinceSeed): FieldError[] {
  const errors: FieldError[] = [];
  const codes = new Set<string>();
  for (const { unit, path } of walk(seed.province, '/province')) {
    if (codes.has(unit.code)) errors.push({ path: `${path}/code`, message: `Mã ${unit.code} bị trùng (duplicate code).` });
    codes.add(unit.code);
  }
  const usernames = new Set<string>();
  for (const [i, account] of (seed.accounts ?? []).entries()) {
    const path = `/accounts/${i}`;
    if (usernames.has(account.username)) errors.push({ path: `${path}/username`, message: 'Tên đăng nhập bị trùng (duplicate username).' });
    usernames.add(account.username);
    const isCitizen = account.role === 'citizen';
    if (!isCitizen && !account.unitCode) errors.push({ path: `${path}/unitCode`, message: 'Cán bộ phải thuộc một đơn vị (an official needs a unit).' });
    if (isCitizen && (account.unitCode || account.grantUnitCode)) {
      errors.push({ path: `${path}/unitCode`, message: 'Tài khoản công dân không thuộc đơn vị (a citizen has no unit).' });
    }
    for (const key of ['unitCode', 'grantUnitCode'] as const) {
      const code = account[key];
      if (code && !codes.has(code)) errors.push({ path: `${path}/${key}`, message: `Không có đơn vị mã ${code} trong tệp (no such unit in the file).` });
    }
  }
  return errors;
}

/** Validates province seed data (parsed JSON) against the shared schema; throws SEED_FILE_INVALID with field paths. */
export function parseProvinceSeed(data: unknown): ProvinceSeed {
  if (!validate(data)) {
    const fields = toFieldErrors(validate.errors ?? [], 'vi');
    throw new AppError('SEED_FILE_INVALID', { reason: fields.map((f) => `${f.path}: ${f.message}`).join('; ') }, fields);
  }
  const errors = crossReferenceErrors(data);
  if (errors.length) {
    throw new AppError('SEED_FILE_INVALID', { reason: errors.map((f) => `${f.path}: ${f.message}`).join('; ') }, errors);
  }
  return data;
}
