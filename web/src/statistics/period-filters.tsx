import { DatePicker, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../api/types';
import { UnitSelect } from '../units/unit-select';
import type { MonthRange } from './format';

interface Props {
  units?: Unit[];
  unit?: number;
  onUnitChange?: (unit: number) => void;
  range: MonthRange;
  onRangeChange: (range: MonthRange) => void;
  children?: React.ReactNode;
}

/** Unit (within the caller's scope) and a period of whole months; a change applies at once. */
export function PeriodFilters({ units, unit, onUnitChange, range, onRangeChange, children }: Props) {
  const { t } = useTranslation();
  return (
    <Form layout="inline" colon={false} className="cqs-filters cqs-stat-filters" role="group" aria-label={t('statistics.filters.label')} component="div">
      {units && onUnitChange && (
        <Form.Item label={t('statistics.filters.unit')} htmlFor="statistics-unit">
          <UnitSelect id="statistics-unit" units={units} value={unit ?? null} onChange={(next) => next !== null && onUnitChange(next)} style={{ minWidth: 280 }} />
        </Form.Item>
      )}
      <Form.Item label={t('statistics.filters.period')} htmlFor="statistics-period">
        <DatePicker.RangePicker
          id={{ start: 'statistics-period' }}
          picker="month"
          format="MM/YYYY"
          allowClear={false}
          value={range}
          placeholder={[t('statistics.filters.from'), t('statistics.filters.to')]}
          onChange={(next) => next?.[0] && next[1] && onRangeChange([next[0], next[1]])}
        />
      </Form.Item>
      {children}
    </Form>
  );
}
