import { Select, type SelectProps } from 'antd';

/**
 * Ant Design's Select copies `aria-required` (set by a required Form.Item) onto its wrapper <div>, where
 * ARIA does not allow it (axe: aria-allowed-attr, critical). Dropping it keeps the markup valid; the
 * field stays marked as required visually and the server still answers with a field error.
 */
export function withoutAriaRequired<T extends object>(props: T): T {
  const { ['aria-required']: _dropped, ...rest } = props as T & { 'aria-required'?: unknown };
  return rest as T;
}

export function FormSelect<V>(props: SelectProps<V>) {
  return <Select<V> {...withoutAriaRequired(props)} />;
}
