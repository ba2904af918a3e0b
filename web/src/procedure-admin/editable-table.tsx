import type { ReactNode } from 'react';
import { Button, Form, Table } from 'antd';
import type { FormListFieldData } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../components/scroll-region';

export interface EditableColumn {
  key: string;
  title: string;
  width?: number;
  /** The cell's form control for row `field` (`row` counts from 0, for labels such as "Mã phí 1"). */
  render: (field: FormListFieldData, row: number) => ReactNode;
}

interface Props {
  name: (string | number)[] | string;
  /** Names the table region and its rows' remove buttons ("Phí, lệ phí"). */
  label: string;
  columns: EditableColumn[];
  addText: string;
  emptyText: string;
  newRow: () => unknown;
  minWidth?: number;
}

/** Rows of a Form.List in a table: one control per cell, a remove button per row, an add button below. */
export function EditableTable({ name, label, columns, addText, emptyText, newRow, minWidth = 700 }: Props) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }, { errors }) => (
        <>
          <ScrollRegion label={label}>
            <Table<FormListFieldData>
              rowKey="key"
              className="cqs-editable-table"
              size="small"
              tableLayout="fixed"
              pagination={false}
              dataSource={fields}
              locale={{ emptyText }}
              style={{ minWidth }}
              columns={[
                ...columns.map((column) => ({
                  key: column.key,
                  title: column.title,
                  width: column.width,
                  render: (_: unknown, field: FormListFieldData, row: number) => column.render(field, row),
                })),
                {
                  key: 'remove',
                  title: t('common.actions'),
                  width: 96,
                  render: (_: unknown, field: FormListFieldData, row: number) => (
                    <Button size="small" danger onClick={() => remove(field.name)} aria-label={t('procedureAdmin.removeRow', { label, row: row + 1 })}>
                      {t('procedureAdmin.remove')}
                    </Button>
                  ),
                },
              ]}
            />
          </ScrollRegion>
          <Form.ErrorList errors={errors} />
          <Button icon={<PlusOutlined aria-hidden="true" />} onClick={() => add(newRow())} style={{ marginTop: 8 }}>
            {addText}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** A form control in a table cell: no visible label (the column header is), a tight margin. */
export function Cell({ children, ...props }: React.ComponentProps<typeof Form.Item>) {
  return (
    <Form.Item {...props} style={{ marginBottom: 0 }}>
      {children}
    </Form.Item>
  );
}
