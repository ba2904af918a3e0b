import { toInstant, VIETNAM_TIME_ZONE } from '../../platform/calendar/local-time.js';

/** UTC bounds [start, end) of a local day (Asia/Ho_Chi_Minh), as ISO text comparable with stored instants. */
export function localDayBounds(day: number): { start: string; end: string } {
  return {
    start: toInstant({ day, msOfDay: 0 }, VIETNAM_TIME_ZONE).toISOString(),
    end: toInstant({ day: day + 1, msOfDay: 0 }, VIETNAM_TIME_ZONE).toISOString(),
  };
}
