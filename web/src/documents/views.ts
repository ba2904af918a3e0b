import { useSearchParams } from 'react-router-dom';
import { DocumentPermission as P, type DocumentQuery, type DocumentView } from '../api/documents';

type TabView = Exclude<DocumentView, 'all'>;

/**
 * The tabs of /office/documents in the order a unit works through them (contract "views"), each shown to holders of
 * any of its permissions; the personal lists (my work, drafts, reviews) show to every document user.
 */
export const TABS: { view: TabView; anyOf: string[] | null }[] = [
  { view: 'incoming', anyOf: [P.Read, P.Register] },
  { view: 'to_register', anyOf: [P.Register] },
  { view: 'to_assign', anyOf: [P.Assign] },
  { view: 'my_work', anyOf: null },
  { view: 'due_soon', anyOf: null },
  { view: 'overdue', anyOf: null },
  { view: 'my_drafts', anyOf: [P.Draft] },
  { view: 'to_review', anyOf: null },
  { view: 'to_check', anyOf: [P.Register] },
  { view: 'to_sign', anyOf: [P.Sign] },
  { view: 'to_issue', anyOf: [P.Register] },
  { view: 'outgoing', anyOf: [P.Read, P.Register] },
];

export const DOCUMENT_PERMISSIONS: string[] = Object.values(P);

export function tabsFor(permissions: string[]): TabView[] {
  return TABS.filter((tab) => !tab.anyOf || tab.anyOf.some((permission) => permissions.includes(permission))).map((tab) => tab.view);
}

export const PAGE_SIZE = 20;

export interface ListState {
  tab: TabView | undefined;
  q?: string;
  typeCode?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** A list's query under the shared filters; the search text goes only to the search route (lists take no `q`). */
export function queryOf(state: ListState, view: TabView, page = state.page, pageSize = state.pageSize): DocumentQuery {
  return { view, typeCode: state.typeCode, from: state.from, to: state.to, page, pageSize };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Tab, search, type, period and page live in the address, so a list can be bookmarked and Back returns to it. */
export function useListState(): [ListState, (next: Partial<ListState>) => void] {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  const day = (name: string) => {
    const value = params.get(name);
    return value && DAY.test(value) ? value : undefined;
  };
  const state: ListState = {
    tab: TABS.find((tab) => tab.view === params.get('tab'))?.view,
    q: params.get('q')?.trim() || undefined,
    typeCode: params.get('type') || undefined,
    from: day('from'),
    to: day('to'),
    page: Number.isInteger(page) && page > 1 ? page : 1,
    pageSize: [10, 20, 50, 100].includes(pageSize) ? pageSize : PAGE_SIZE,
  };
  const update = (change: Partial<ListState>) => {
    const next = { ...state, ...change };
    const search = new URLSearchParams();
    if (next.tab) search.set('tab', next.tab);
    if (next.q?.trim()) search.set('q', next.q.trim());
    if (next.typeCode) search.set('type', next.typeCode);
    if (next.from) search.set('from', next.from);
    if (next.to) search.set('to', next.to);
    if (next.page > 1) search.set('page', String(next.page));
    if (next.pageSize !== PAGE_SIZE) search.set('pageSize', String(next.pageSize));
    setParams(search);
  };
  return [state, update];
}
