import type { Me } from '../api/types';

/**
 * The unit an official registers and drafts for by default: the unit of their role grant (a Sở's clerk sits in its
 * Văn phòng but keeps the Sở's books; Decree 30/2020 art. 22), else the unit they belong to.
 */
export function homeUnitId(me: Me | null | undefined): number | undefined {
  return me?.roles.find((grant) => grant.unitId !== null)?.unitId ?? me?.unit?.id ?? undefined;
}
