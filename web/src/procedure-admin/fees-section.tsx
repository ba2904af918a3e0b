import { useMemo } from 'react';
import { Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FEE_CHANNELS } from '../api/procedures';
import { FormSelect } from '../components/form-select';
import { formFieldTypes, parseJsonObject } from './editor-values';
import { Cell, EditableTable } from './editable-table';

const NUMBER_TYPES = new Set(['integer', 'number']);

/**
 * Phí, lệ phí and Miễn, giảm phí of the catalogue editor. A fee may be multiplied by a whole-number field of the
 * application form and capped; reductions are chosen by channel and form field (the server checks the fields exist).
 */
export function FeesSection() {
  const { t } = useTranslation();
  const schemaText: string = Form.useWatch('formSchemaText') ?? '';
  const types = useMemo(() => formFieldTypes(parseJsonObject(schemaText).value), [schemaText]);
  const numberFields = [...types].filter(([, type]) => type && NUMBER_TYPES.has(type)).map(([name]) => ({ value: name, label: name }));
  const allFields = [...types.keys()].map((name) => ({ value: name, label: name }));

  return (
    <>
      <h2 className="cqs-editor-section">{t('procedures.fees')}</h2>
      <EditableTable
        name="fees"
        label={t('procedures.fees')}
        addText={t('procedureAdmin.addFee')}
        emptyText={t('procedures.noFees')}
        newRow={() => ({ code: '', name: '', amountVnd: 0 })}
        minWidth={1000}
        columns={[
          { key: 'code', title: t('procedureAdmin.itemCode'), width: 160, render: (field, row) => <Cell name={[field.name, 'code']}><Input aria-label={t('procedureAdmin.feeCodeRow', { row: row + 1 })} /></Cell> },
          { key: 'name', title: t('procedures.feeName'), render: (field, row) => <Cell name={[field.name, 'name']}><Input aria-label={t('procedureAdmin.feeNameRow', { row: row + 1 })} /></Cell> },
          {
            key: 'amount',
            title: t('procedureAdmin.amountVnd'),
            width: 150,
            render: (field, row) => (
              <Cell name={[field.name, 'amountVnd']}>
                <InputNumber<number> min={0} step={1000} precision={0} style={{ width: '100%' }} aria-label={t('procedureAdmin.feeAmountRow', { row: row + 1 })} />
              </Cell>
            ),
          },
          {
            key: 'quantityField',
            title: t('fees.quantityField'),
            width: 180,
            render: (field, row) => (
              <Cell name={[field.name, 'quantityField']}>
                <FormSelect<string>
                  allowClear
                  placeholder={t('fees.noQuantityField')}
                  notFoundContent={t('fees.noNumberFields')}
                  options={numberFields}
                  aria-label={t('fees.quantityFieldRow', { row: row + 1 })}
                />
              </Cell>
            ),
          },
          {
            key: 'maximum',
            title: t('fees.maximumVnd'),
            width: 160,
            render: (field, row) => (
              <Cell name={[field.name, 'maximumVnd']}>
                <InputNumber<number> min={0} step={1000} precision={0} placeholder={t('fees.unlimited')} style={{ width: '100%' }} aria-label={t('fees.maximumRow', { row: row + 1 })} />
              </Cell>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('fees.quantityFieldHelp')}
      </Typography.Paragraph>

      <h2 className="cqs-editor-section">{t('fees.reductions')}</h2>
      <Typography.Paragraph type="secondary">{t('fees.reductionsHelp')}</Typography.Paragraph>
      <EditableTable
        name="feeReductions"
        label={t('fees.reductions')}
        addText={t('fees.addReduction')}
        emptyText={t('fees.noReductions')}
        newRow={() => ({ code: '', name: '', percent: 100 })}
        minWidth={1100}
        columns={[
          { key: 'code', title: t('procedureAdmin.itemCode'), width: 150, render: (field, row) => <Cell name={[field.name, 'code']}><Input aria-label={t('fees.reductionCodeRow', { row: row + 1 })} /></Cell> },
          { key: 'name', title: t('procedures.feeName'), render: (field, row) => <Cell name={[field.name, 'name']}><Input aria-label={t('fees.reductionNameRow', { row: row + 1 })} /></Cell> },
          {
            key: 'percent',
            title: t('fees.percent'),
            width: 110,
            render: (field, row) => (
              <Cell name={[field.name, 'percent']}>
                <InputNumber<number> min={1} max={100} precision={0} style={{ width: '100%' }} aria-label={t('fees.percentRow', { row: row + 1 })} />
              </Cell>
            ),
          },
          {
            key: 'channel',
            title: t('fees.channel'),
            width: 170,
            render: (field, row) => (
              <Cell name={[field.name, 'channel']}>
                <FormSelect<string>
                  allowClear
                  placeholder={t('fees.anyChannel')}
                  options={FEE_CHANNELS.map((channel) => ({ value: channel, label: t(`fees.channels.${channel}`) }))}
                  aria-label={t('fees.channelRow', { row: row + 1 })}
                />
              </Cell>
            ),
          },
          {
            key: 'field',
            title: t('fees.field'),
            width: 180,
            render: (field, row) => (
              <Cell name={[field.name, 'field']}>
                <FormSelect<string> allowClear showSearch placeholder={t('fees.anyField')} options={allFields} aria-label={t('fees.fieldRow', { row: row + 1 })} />
              </Cell>
            ),
          },
          {
            key: 'equals',
            title: t('fees.equals'),
            width: 160,
            render: (field, row) => (
              <Cell name={[field.name, 'equals']}>
                <Input placeholder={t('fees.equalsPlaceholder')} aria-label={t('fees.equalsRow', { row: row + 1 })} />
              </Cell>
            ),
          },
        ]}
      />
    </>
  );
}
