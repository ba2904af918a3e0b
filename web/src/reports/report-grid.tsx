import { Flex, Grid, Input, InputNumber, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CalculatorOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReportColumn, ReportData, ReportRow, ReportTemplateDocument } from '../api/reports';
import { ScrollRegion } from '../components/scroll-region';
import { formatFigure, isNumericCell } from './formulas';

export type CellValue = number | string | null;

interface Props {
  document: ReportTemplateDocument;
  data: ReportData;
  /** Formula rows, computed live (or the server's `computed` on a read-only view). */
  computed: ReportData;
  autofilled?: ReportData;
  /** Messages per cell path `/data/r2/c1`. */
  problems?: Map<string, string[]>;
  editable: boolean;
  onChange?: (row: string, column: string, value: CellValue) => void;
  label: string;
}

export const cellPath = (row: string, column: string) => `/data/${row}/${column}`;
export const cellId = (row: string, column: string) => `report-cell-${row}-${column}`;

/** `1.234,5` typed the Vietnamese way is read as 1234.5; a plain `1234.5` too. */
function parseVietnamese(text: string | undefined): string {
  if (!text) return '';
  const trimmed = text.replace(/\s/g, '');
  return trimmed.includes(',') ? trimmed.replace(/\./g, '').replace(',', '.') : trimmed;
}

function Cell({ row, column, props }: { row: ReportRow; column: ReportColumn; props: Props }) {
  const { t } = useTranslation();
  const { data, computed, autofilled, problems, editable, onChange } = props;
  const id = cellId(row.code, column.code);
  const label = `${row.name} — ${column.name}`;
  const messages = problems?.get(cellPath(row.code, column.code)) ?? [];
  const invalid = messages.length > 0;
  const value = data[row.code]?.[column.code] ?? null;
  const auto = autofilled?.[row.code]?.[column.code];
  const isAuto = auto !== undefined && auto !== null && auto === value;

  let field: React.ReactNode;
  if (row.formula) {
    field = (
      <Tooltip title={t('reports.fill.computed', { formula: row.formula })}>
        <span className="cqs-report-computed" id={id} aria-label={label} tabIndex={0} role="status">
          <CalculatorOutlined aria-hidden="true" /> {formatFigure(computed[row.code]?.[column.code])}
          {row.type === 'percent' && computed[row.code]?.[column.code] != null ? ' %' : ''}
        </span>
      </Tooltip>
    );
  } else if (!editable) {
    field = (
      <span className="cqs-report-figure" id={id}>
        {formatFigure(value)}
      </span>
    );
  } else if (!isNumericCell(row, column)) {
    field = (
      <Input
        id={id}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-problem` : undefined}
        status={invalid ? 'error' : undefined}
        value={typeof value === 'string' ? value : value === null ? '' : String(value)}
        onChange={(event) => onChange?.(row.code, column.code, event.target.value === '' ? null : event.target.value)}
        maxLength={2000}
      />
    );
  } else {
    field = (
      <InputNumber<number>
        id={id}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-problem` : undefined}
        status={invalid ? 'error' : undefined}
        value={typeof value === 'number' ? value : null}
        precision={row.type === 'integer' ? 0 : undefined}
        parser={(text) => Number(parseVietnamese(text))}
        decimalSeparator=","
        addonAfter={row.type === 'percent' ? '%' : undefined}
        onChange={(next) => onChange?.(row.code, column.code, typeof next === 'number' ? next : null)}
      />
    );
  }
  return (
    <Flex vertical gap={4} className="cqs-report-cell">
      {field}
      {isAuto && (
        <Tooltip title={t('reports.fill.autofilledHelp')}>
          <Tag icon={<ThunderboltOutlined aria-hidden="true" />} color="blue" style={{ width: 'fit-content' }} tabIndex={0} data-autofilled={`${row.code}.${column.code}`}>
            {t('reports.fill.autofilled')}
          </Tag>
        </Tooltip>
      )}
      {invalid && (
        <Typography.Text type="danger" id={`${id}-problem`}>
          {messages.join(' ')}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** A report's table of indicators: one row per indicator, one column per figure; formula rows are read-only. */
export function ReportGrid(props: Props) {
  const { t } = useTranslation();
  const { document, label } = props;
  const screens = Grid.useBreakpoint();
  // At phone width (commune officers) each indicator is a block of its own, figures one under the other: no sideways scrolling.
  if (screens.md === false) return <ReportList {...props} />;
  const columns: TableColumnsType<ReportRow> = [
    { title: t('reports.field.code'), dataIndex: 'code', width: 64 },
    {
      title: t('reports.field.indicator'),
      key: 'name',
      render: (_, row) => (
        <span>
          {row.name}
          {row.required && (
            <Typography.Text type="danger" aria-label={t('reports.fill.required')}>
              {' *'}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: t('reports.field.measure'), dataIndex: 'unit', width: 110 },
    ...document.columns.map((column) => ({
      title: column.name,
      key: column.code,
      render: (_: unknown, row: ReportRow) => <Cell row={row} column={column} props={props} />,
    })),
  ];
  return (
    <ScrollRegion label={label}>
      <Table<ReportRow>
        className="cqs-report-grid"
        rowKey="code"
        columns={columns}
        dataSource={document.rows}
        pagination={false}
        size="middle"
        style={{ minWidth: 360 + document.columns.length * 140 }}
      />
    </ScrollRegion>
  );
}

/** The same report as a list of indicators, for narrow screens. */
function ReportList(props: Props) {
  const { t } = useTranslation();
  const { document, label } = props;
  return (
    <section aria-label={label} className="cqs-report-list">
      {document.rows.map((row) => (
        <div key={row.code} className="cqs-report-list-row">
          <Typography.Text strong>
            {row.code}. {row.name}
            {row.required && (
              <Typography.Text type="danger" aria-label={t('reports.fill.required')}>
                {' *'}
              </Typography.Text>
            )}
          </Typography.Text>
          {row.unit && <Typography.Text type="secondary"> ({row.unit})</Typography.Text>}
          {document.columns.map((column) => (
            <Flex key={column.code} vertical gap={2} style={{ marginTop: 6 }}>
              {document.columns.length > 1 && <Typography.Text type="secondary">{column.name}</Typography.Text>}
              <Cell row={row} column={column} props={props} />
            </Flex>
          ))}
        </div>
      ))}
    </section>
  );
}
