import { useSearchParams } from 'react-router-dom';
import type { DossierQuery } from '../api/dossiers';

/** The office worklists (dossier-api.md "Worklists the office shows"), in the order officials work through them. */
export const WORKLISTS = {
  actionable: { view: 'actionable' },
  intake: { status: 'submitted' },
  processing: { status: 'received,processing' },
  dueSoon: { due: 'soon' },
  overdue: { due: 'overdue' },
  supplement: { status: 'supplement_requested' },
  result: { status: 'result_ready' },
  all: {},
} as const satisfies Record<string, DossierQuery>;

export type Worklist = keyof typeof WORKLISTS;
export const WORKLIST_KEYS = Object.keys(WORKLISTS) as Worklist[];
export const PAGE_SIZE = 20;

export interface WorklistState {
  tab: Worklist;
  q?: string;
  unit?: string;
  page: number;
  pageSize: number;
}

/** The query the server answers for one tab with the shared search and unit filter. */
export function queryOf(state: Pick<WorklistState, 'q' | 'unit'>, tab: Worklist, page = 1, pageSize = PAGE_SIZE): DossierQuery {
  return { ...WORKLISTS[tab], q: state.q, unit: state.unit, page, pageSize };
}

/**
 * The tab, search, unit and page live in the address (`?tab=&q=&unit=&page=`), so a worklist can be bookmarked
 * and Back returns to it from a dossier.
 */
export function useWorklistState(): [WorklistState, (next: Partial<WorklistState>) => void] {
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  const state: WorklistState = {
    tab: WORKLIST_KEYS.includes(tabParam as Worklist) ? (tabParam as Worklist) : 'actionable',
    q: params.get('q')?.trim() || undefined,
    unit: params.get('unit') || undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
    pageSize: [10, 20, 50, 100].includes(pageSize) ? pageSize : PAGE_SIZE,
  };
  const update = (change: Partial<WorklistState>) => {
    const next = { ...state, ...change };
    const search = new URLSearchParams();
    if (next.tab !== 'actionable') search.set('tab', next.tab);
    if (next.q?.trim()) search.set('q', next.q.trim());
    if (next.unit) search.set('unit', next.unit);
    if (next.page > 1) search.set('page', String(next.page));
    if (next.pageSize !== PAGE_SIZE) search.set('pageSize', String(next.pageSize));
    setParams(search);
  };
  return [state, update];
}
