import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FeeReduction, ProcedureFee } from '../api/procedures';
import { formatFee } from './format';

/** The label a citizen knows a form field by: its title in the form's JSON Schema, else its name. */
export function fieldTitleOf(schema: Record<string, unknown> | undefined, field: string): string {
  const property = (schema?.properties as Record<string, { title?: unknown }> | undefined)?.[field];
  return typeof property?.title === 'string' ? property.title : field;
}

/** "2.000 đ × Số trang, tối đa 200.000 đ" for a per-unit fee; the plain amount otherwise. */
function amountText(t: TFunction, fee: ProcedureFee, schema: Record<string, unknown> | undefined): string {
  if (!fee.quantityField) return formatFee(t, fee.amountVnd);
  const perUnit = t('fees.perUnit', { amount: formatFee(t, fee.amountVnd), unit: fieldTitleOf(schema, fee.quantityField) });
  return fee.maximumVnd === undefined ? perUnit : `${perUnit}, ${t('fees.upTo', { amount: formatFee(t, fee.maximumVnd) })}`;
}

export function FeesTable({ fees, formSchema }: { fees: ProcedureFee[]; formSchema?: Record<string, unknown> }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ProcedureFee> = [
    { title: t('procedures.feeName'), dataIndex: 'name' },
    { title: t('procedures.feeAmount'), key: 'amount', align: 'right', width: 280, render: (_, fee) => amountText(t, fee, formSchema) },
  ];
  return <Table<ProcedureFee> rowKey="code" columns={columns} dataSource={fees} pagination={false} locale={{ emptyText: t('procedures.noFees') }} />;
}

function conditionText(t: TFunction, reduction: FeeReduction, schema: Record<string, unknown> | undefined): string {
  const { channel, field, equals } = reduction.when;
  const parts: string[] = [];
  if (channel) parts.push(t('fees.whenChannel', { channel: t(`fees.channels.${channel}`).toLocaleLowerCase('vi') }));
  if (field) {
    const title = fieldTitleOf(schema, field);
    parts.push(equals === undefined || equals === true ? t('fees.whenField', { field: title }) : t('fees.whenFieldEquals', { field: title, value: String(equals) }));
  }
  return parts.length > 0 ? parts.join(', ') : t('fees.always');
}

/** Miễn, giảm phí as published: who pays less and by how much (the largest applicable reduction only). */
export function FeeReductionsList({ reductions, formSchema }: { reductions: FeeReduction[]; formSchema?: Record<string, unknown> }) {
  const { t } = useTranslation();
  if (reductions.length === 0) return null;
  return (
    <div className="cqs-fee-reductions">
      <Typography.Title level={3}>{t('fees.reductionsTitle')}</Typography.Title>
      <ul>
        {reductions.map((reduction) => (
          <li key={reduction.code}>
            <Typography.Text strong>{reduction.percent === 100 ? t('fees.exemption') : t('fees.reductionPercent', { percent: reduction.percent })}</Typography.Text>
            {' — '}
            {reduction.name} ({conditionText(t, reduction, formSchema)})
          </li>
        ))}
      </ul>
      {reductions.length > 1 && <Typography.Paragraph type="secondary">{t('fees.notStacked')}</Typography.Paragraph>}
    </div>
  );
}
