import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { ScrollRegion } from '../components/scroll-region';

/** The text alternative of a chart: the same rows, in a table that scrolls sideways on a phone. */
export function FigureTable<T extends object>({ label, rows, columns, rowKey }: { label: string; rows: T[]; columns: TableColumnsType<T>; rowKey: (row: T) => string }) {
  return (
    <ScrollRegion label={label}>
      <Table<T> size="small" rowKey={rowKey} columns={columns} dataSource={rows} pagination={false} style={{ minWidth: columns.length * 110 }} />
    </ScrollRegion>
  );
}
