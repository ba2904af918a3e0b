import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schema-types.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { findProcedureHead } from '../procedures/procedures.repository.js';
import { getProcedureDocument } from './dossiers.repository.js';

export const DataStoreQuery = Type.Object({ procedure: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })) }, { additionalProperties: false });
export type DataStoreQuery = Static<typeof DataStoreQuery>;

export const DataStore = Type.Object({
  profile: Type.Object({
    fullName: Type.String(),
    identityNumber: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    email: Nullable(Type.String()),
    address: Nullable(Type.String()),
  }),
  documents: Type.Array(
    Type.Object({
      fileId: Type.String(),
      name: Type.String(),
      mediaType: Type.String(),
      requirementCode: Nullable(Type.String()),
      requirementName: Nullable(Type.String()),
      source: Type.String(),
      dossierCode: Nullable(Type.String()),
      createdAt: Type.String(),
    }),
  ),
  prefill: Type.Record(Type.String(), Type.Unknown()),
});
export type DataStore = Static<typeof DataStore>;

type Profile = DataStore['profile'];

/**
 * Form fields filled from the profile, by the names the national form templates use for the applicant block
 * (người yêu cầu). Other fields come from the applicant's earlier dossiers under the same field name.
 */
const PROFILE_FIELDS: Record<keyof Profile, string[]> = {
  fullName: ['nguoiYeuCauHoTen', 'hoTenNguoiYeuCau', 'hoTen'],
  identityNumber: ['nguoiYeuCauSoDinhDanh', 'soDinhDanh', 'soDinhDanhCaNhan'],
  phone: ['nguoiYeuCauDienThoai', 'soDienThoai', 'dienThoai'],
  email: ['nguoiYeuCauEmail', 'email'],
  address: ['nguoiYeuCauNoiCuTru', 'noiCuTru', 'diaChi'],
};

/** How many earlier dossiers are read for prefill values (the latest win). */
const HISTORY_DEPTH = 20;

/**
 * The citizen's data store (kho dữ liệu điện tử, domain.md §4 "Information not entered twice"): profile, the
 * documents they handed in and the results they received, and prefill values for a procedure's form.
 */
export async function getDataStore(db: Db, actor: Actor, query: DataStoreQuery): Promise<DataStore> {
  const user = await db.selectFrom('users').select(['full_name', 'identity_number', 'phone', 'email']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  const earlier = await db
    .selectFrom('dossiers')
    .select(['form', 'applicant'])
    .where('owner_user_id', '=', actor.userId)
    .orderBy('submitted_at', 'desc')
    .limit(HISTORY_DEPTH)
    .execute();
  const lastApplicant = earlier[0] ? (JSON.parse(earlier[0].applicant) as { address?: string | null }) : undefined;
  const profile: Profile = {
    fullName: user.full_name,
    identityNumber: user.identity_number,
    phone: user.phone,
    email: user.email,
    address: lastApplicant?.address ?? null,
  };
  const documents = await db
    .selectFrom('applicant_documents')
    .innerJoin('files', 'files.id', 'applicant_documents.file_id')
    .leftJoin('dossiers', 'dossiers.id', 'applicant_documents.dossier_id')
    .select([
      'applicant_documents.file_id',
      'applicant_documents.name',
      'files.media_type',
      'applicant_documents.requirement_code',
      'applicant_documents.requirement_name',
      'applicant_documents.source',
      'dossiers.code',
      'applicant_documents.created_at',
    ])
    .where('applicant_documents.owner_user_id', '=', actor.userId)
    .orderBy('applicant_documents.created_at', 'desc')
    .execute();
  return {
    profile,
    documents: documents.map((d) => ({
      fileId: d.file_id,
      name: d.name,
      mediaType: d.media_type,
      requirementCode: d.requirement_code,
      requirementName: d.requirement_name,
      source: d.source,
      dossierCode: d.code ?? null,
      createdAt: d.created_at,
    })),
    prefill: query.procedure ? await prefillFor(db, query.procedure, profile, earlier.map((e) => JSON.parse(e.form) as Record<string, unknown>)) : {},
  };
}

async function prefillFor(db: Db, procedureCode: string, profile: Profile, earlierForms: Record<string, unknown>[]): Promise<Record<string, unknown>> {
  const head = await findProcedureHead(db, procedureCode);
  if (!head) throw new AppError('NOT_FOUND');
  const document = await getProcedureDocument(db, db, head.code, head.currentVersion);
  const properties = (document.form.schema.properties ?? {}) as Record<string, { type?: string }>;
  const prefill: Record<string, unknown> = {};
  // Oldest first, so the latest dossier's value wins; only fields this form has, with the type it expects.
  for (const form of [...earlierForms].reverse()) {
    for (const [name, value] of Object.entries(form)) {
      const expected = properties[name]?.type;
      if (expected && typeof value === (expected === 'integer' ? 'number' : expected)) prefill[name] = value;
    }
  }
  for (const [field, names] of Object.entries(PROFILE_FIELDS) as [keyof Profile, string[]][]) {
    const value = profile[field];
    if (value === null) continue;
    for (const name of names) if (properties[name]?.type === 'string' && prefill[name] === undefined) prefill[name] = value;
  }
  return prefill;
}
