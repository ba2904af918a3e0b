import { TreeSelect } from 'antd';
import type { Unit } from '../api/types';
import { withoutAriaRequired } from '../components/form-select';
import { buildUnitForest, type UnitNode } from './unit-tree';

interface Props {
  id?: string;
  units: Unit[];
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** Units that may not be picked (e.g. a unit's own subtree when moving it). */
  excluded?: Set<number>;
  placeholder?: string;
  allowClear?: boolean;
  'aria-label'?: string;
  'aria-required'?: boolean | 'true' | 'false';
  style?: React.CSSProperties;
}

interface Option {
  value: number;
  title: string;
  disabled: boolean;
  children: Option[];
}

function toOptions(nodes: UnitNode[], excluded?: Set<number>): Option[] {
  return nodes.map(({ unit, children }) => ({
    value: unit.id,
    title: unit.name,
    disabled: !!excluded?.has(unit.id),
    children: toOptions(children, excluded),
  }));
}

/** Pick an active unit from the organisation tree; search matches names without regard to case. */
export function UnitSelect({ units, value, onChange, excluded, style, ...rest }: Props) {
  return (
    <TreeSelect<number>
      {...withoutAriaRequired(rest)}
      showSearch
      treeDefaultExpandAll
      treeNodeFilterProp="title"
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      treeData={toOptions(buildUnitForest(units, false), excluded)}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
