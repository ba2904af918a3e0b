import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schema-types.js';
import type { Db } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { enforceRateLimit } from '../../platform/http/rate-limit.js';
import { findStep } from './workflow.js';
import { STATUS_NUMBERS, type DossierStatusCode } from './dossier-status.js';
import { findDossier, findRating, getProcedureDocument, unitsById } from './dossiers.repository.js';

export const TrackingQuery = Type.Object(
  { identityNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })) },
  { additionalProperties: false },
);
export type TrackingQuery = Static<typeof TrackingQuery>;

export const Tracking = Type.Object({
  code: Type.String(),
  procedureName: Type.String(),
  unitName: Type.String(),
  status: Type.String(),
  statusNumber: Type.Integer(),
  submittedAt: Type.String(),
  receivedAt: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  returnedAt: Nullable(Type.String()),
  currentStepName: Nullable(Type.String()),
  timeline: Type.Array(Type.Object({ at: Type.String(), status: Type.String() })),
  verified: Type.Boolean(),
  applicant: Type.Optional(Type.Object({ fullName: Type.String(), address: Nullable(Type.String()) })),
  canRate: Type.Boolean(),
  rating: Nullable(Type.Object({ score: Type.Integer() })),
});
export type Tracking = Static<typeof Tracking>;

/** Guessing identity numbers is throttled per client address (12 digits are not a secret, but not public either). */
const VERIFY_ATTEMPTS_PER_MINUTE = 20;

/**
 * Public tracking (domain.md §4): anyone with the code sees the status, dates and current step — no personal data;
 * the applicant's name only when the applicant's identity number is also given and matches.
 */
export async function trackDossier(db: Db, code: string, query: TrackingQuery, clientIp: string | null): Promise<Tracking> {
  const row = await findDossier(db, code);
  if (!row) throw new AppError('NOT_FOUND');
  if (query.identityNumber !== undefined) await enforceRateLimit(db, `tracking:${clientIp ?? 'unknown'}`, VERIFY_ATTEMPTS_PER_MINUTE, 60_000);
  const verified = query.identityNumber !== undefined && row.applicant_identity !== null && query.identityNumber === row.applicant_identity;
  const [document, units, events, rating] = await Promise.all([
    getProcedureDocument(db, db, row.procedure_code, Number(row.procedure_version)),
    unitsById(db, [row.unit_id]),
    db.selectFrom('dossier_events').select(['at', 'to_status', 'from_status']).where('dossier_id', '=', row.id).orderBy('seq').execute(),
    findRating(db, row.id),
  ]);
  const applicant = JSON.parse(row.applicant) as { fullName: string; address: string | null };
  return {
    code: row.code,
    procedureName: row.procedure_name,
    unitName: units.get(row.unit_id)?.name ?? '',
    status: row.status,
    statusNumber: STATUS_NUMBERS[row.status as DossierStatusCode],
    submittedAt: row.submitted_at,
    receivedAt: row.received_at,
    dueAt: row.due_at,
    finishedAt: row.finished_at,
    returnedAt: row.returned_at,
    currentStepName: findStep(document, row.current_step)?.name ?? null,
    // Status changes only: who did what inside the agency is not public.
    timeline: events.filter((e) => e.from_status !== e.to_status).map((e) => ({ at: e.at, status: e.to_status })),
    verified,
    ...(verified ? { applicant: { fullName: applicant.fullName, address: applicant.address ?? null } } : {}),
    canRate: row.status === 'returned' && !rating,
    rating: rating ? { score: Number(rating.score) } : null,
  };
}
