/** Trước hạn / đúng hạn / quá hạn — how a step or dossier finished against its deadline (domain.md §4). */
export const TIMELINESS = ['early', 'onTime', 'late'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  early: 'Trước hạn',
  onTime: 'Đúng hạn',
  late: 'Quá hạn',
};
