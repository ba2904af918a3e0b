import { useSearchParams } from 'react-router-dom';
import { ONLINE_LEVELS, PROCEDURE_LEVELS, type OnlineLevel, type ProcedureLevel, type ProcedureQuery } from '../api/procedures';

export const PAGE_SIZE = 10;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

/**
 * The search lives in the address (`?q=&field=&level=&onlineLevel=&page=`), so a search can be shared
 * and Back returns to the previous one; values the server would refuse are dropped here.
 */
export function useProcedureQuery(): [ProcedureQuery, (next: ProcedureQuery) => void] {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page'));
  const query: ProcedureQuery = {
    q: params.get('q')?.trim() || undefined,
    field: params.get('field') || undefined,
    level: oneOf<ProcedureLevel>(PROCEDURE_LEVELS, params.get('level')),
    onlineLevel: oneOf<OnlineLevel>(ONLINE_LEVELS, params.get('onlineLevel')),
    page: Number.isInteger(page) && page > 1 ? page : 1,
    pageSize: PAGE_SIZE,
  };
  const update = (next: ProcedureQuery) => {
    const search = new URLSearchParams();
    if (next.q?.trim()) search.set('q', next.q.trim());
    if (next.field) search.set('field', next.field);
    if (next.level) search.set('level', next.level);
    if (next.onlineLevel) search.set('onlineLevel', next.onlineLevel);
    if (next.page && next.page > 1) search.set('page', String(next.page));
    setParams(search);
  };
  return [query, update];
}
