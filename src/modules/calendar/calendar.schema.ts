import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schema-types.js';

// Kinds and dates are checked by validateCalendarConfig (platform/calendar) so an administrator's edit gets
// the same field messages as the shipped data; the schema only fixes the shape.
const EntryInput = Type.Object(
  {
    date: Type.String({ description: 'Ngày địa phương yyyy-MM-dd' }),
    kind: Type.String({ description: 'holiday (nghỉ lễ), day_off (nghỉ bù/hoán đổi), working_day (làm bù)' }),
    name: Type.String({ maxLength: 200 }),
    nameEn: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { additionalProperties: false },
);

export const CalendarEntry = Type.Object({
  date: Type.String(),
  kind: Type.Union([Type.Literal('holiday'), Type.Literal('day_off'), Type.Literal('working_day')]),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
});
export type CalendarEntryView = Static<typeof CalendarEntry>;

export const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });

export const CalendarYear = Type.Object({ year: Type.Integer(), entries: Type.Array(CalendarEntry) });
export type CalendarYear = Static<typeof CalendarYear>;

export const ReplaceYearBody = Type.Object({ entries: Type.Array(EntryInput, { maxItems: 366 }) }, { additionalProperties: false });
export type ReplaceYearInput = Static<typeof ReplaceYearBody>;

const Interval = Type.Object({ start: Type.String({ description: 'HH:mm' }), end: Type.String({ description: 'HH:mm' }) }, { additionalProperties: false });

export const OfficeHoursBody = Type.Object(
  {
    officeHours: Type.Array(Interval, { maxItems: 12 }),
    workingWeekdays: Type.Array(Type.Integer(), { maxItems: 7, description: '0 = Chủ nhật … 6 = thứ Bảy' }),
  },
  { additionalProperties: false },
);
export type OfficeHoursInput = Static<typeof OfficeHoursBody>;

export const OfficeHours = Type.Object({
  unitId: Type.Integer(),
  officeHours: Type.Array(Type.Object({ start: Type.String(), end: Type.String() })),
  workingWeekdays: Type.Array(Type.Integer()),
  /** Where the hours come from: the unit itself, an ancestor, or the shipped default. */
  source: Type.Union([Type.Literal('own'), Type.Literal('inherited'), Type.Literal('default')]),
  sourceUnit: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
});
export type OfficeHours = Static<typeof OfficeHours>;

export const UnitParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const DeadlineQuery = Type.Object(
  {
    unitId: Type.Integer({ minimum: 1 }),
    from: Type.String({ format: 'date-time', description: 'Thời điểm tiếp nhận, ISO-8601 có múi giờ' }),
    workingDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
    workingHours: Type.Optional(Type.Number({ minimum: 0, maximum: 8760 })),
  },
  { additionalProperties: false },
);
export type DeadlineQuery = Static<typeof DeadlineQuery>;

export const Deadline = Type.Object({
  unitId: Type.Integer(),
  from: Type.String(),
  /** The receipt moved to the next opening: counting starts there (domain.md §4). */
  countFrom: Type.String(),
  deadline: Type.String(),
  workingDays: Type.Optional(Type.Integer()),
  workingHours: Type.Optional(Type.Number()),
});
export type Deadline = Static<typeof Deadline>;
