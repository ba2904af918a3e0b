import { get, patch, post } from './client';
import type { MergeResult, Unit } from './types';

export interface UnitInput {
  code: string;
  name: string;
  shortName: string;
  type: string;
  parentId: number | null;
}

/** Merged units too: the tree can show them on demand, and names of merged units stay resolvable. */
export const fetchUnits = () => get<{ items: Unit[] }>('/api/units?includeMerged=true').then((answer) => answer.items);
export const createUnit = (input: UnitInput) => post<Unit>('/api/units', input);
export const updateUnit = (id: number, input: Partial<Omit<UnitInput, 'parentId'>>) => patch<Unit>(`/api/units/${id}`, input);
export const moveUnit = (id: number, parentId: number | null) => post<Unit>(`/api/units/${id}/move`, { parentId });
export const mergeUnit = (id: number, intoId: number, moveChildren: boolean) =>
  post<MergeResult>(`/api/units/${id}/merge`, { intoId, moveChildren });
