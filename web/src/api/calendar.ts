import { api, get, put } from './client';

export type CalendarEntryKind = 'holiday' | 'day_off' | 'working_day';
export const CALENDAR_ENTRY_KINDS: CalendarEntryKind[] = ['holiday', 'day_off', 'working_day'];

export interface CalendarEntry {
  date: string;
  kind: CalendarEntryKind;
  name: string;
  nameEn: string | null;
}

export interface CalendarYear {
  year: number;
  entries: CalendarEntry[];
}

export interface OfficeInterval {
  start: string;
  end: string;
}

export interface OfficeHours {
  unitId: number;
  officeHours: OfficeInterval[];
  workingWeekdays: number[];
  source: 'own' | 'inherited' | 'default';
  sourceUnit: { id: number; name: string } | null;
}

export const fetchCalendarYear = (year: number) => get<CalendarYear>(`/api/calendar/${year}`);
export const saveCalendarYear = (year: number, entries: CalendarEntry[]) => put<CalendarYear>(`/api/calendar/${year}`, { entries });
export const fetchOfficeHours = (unitId: number) => get<OfficeHours>(`/api/units/${unitId}/office-hours`);
export const saveOfficeHours = (unitId: number, input: { officeHours: OfficeInterval[]; workingWeekdays: number[] }) =>
  put<OfficeHours>(`/api/units/${unitId}/office-hours`, input);
export const clearOfficeHours = (unitId: number) => api<OfficeHours>('DELETE', `/api/units/${unitId}/office-hours`);
