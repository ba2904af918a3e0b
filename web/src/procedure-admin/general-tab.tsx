import { Checkbox, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ALL_ONLINE_LEVELS, PROCEDURE_LEVELS, RESULT_TYPES, TIME_UNITS } from '../api/procedures';
import type { Unit } from '../api/types';
import { FormSelect } from '../components/form-select';
import { Cell, EditableTable } from './editable-table';
import { FeesSection } from './fees-section';

interface Props {
  editing: boolean;
  units: Unit[];
}

/** Thông tin chung: what the portal shows of a procedure (Decree 63/2010 on publishing procedures). */
export function GeneralTab({ editing, units }: Props) {
  const { t } = useTranslation();
  const selectedUnits: string[] = Form.useWatch('competentUnitCodes') ?? [];
  // Merged units are gone from the tree, but a stored code stays visible so it can be seen and removed.
  const unitOptions = units
    .filter((unit) => unit.status === 'active' || selectedUnits.includes(unit.code))
    .map((unit) => ({ value: unit.code, label: `${unit.name} (${unit.code})` }));
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="code" label={t('procedureAdmin.code')} extra={editing ? t('procedureAdmin.codeFixed') : t('procedureAdmin.codeHelp')}>
            <Input readOnly={editing} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="name" label={t('procedureAdmin.name')}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="field" label={t('procedures.field')}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="level" label={t('procedures.level')}>
            <FormSelect options={PROCEDURE_LEVELS.map((level) => ({ value: level, label: t(`procedures.levels.${level}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="onlineLevel" label={t('procedures.onlineLevel')}>
            <FormSelect options={ALL_ONLINE_LEVELS.map((level) => ({ value: level, label: t(`procedures.onlineLevels.${level}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="competentUnitCodes" label={t('procedures.competentUnits')} extra={t('procedureAdmin.competentUnitsHelp')}>
            <FormSelect<string[]> mode="multiple" showSearch optionFilterProp="label" options={unitOptions} allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('procedures.processingTime')} required={false}>
            <Space.Compact block>
              <Form.Item name={['processingTime', 'amount']} noStyle>
                <InputNumber min={0} step={1} aria-label={t('procedureAdmin.processingAmount')} style={{ width: '45%' }} />
              </Form.Item>
              <Form.Item name={['processingTime', 'unit']} noStyle>
                <FormSelect aria-label={t('procedureAdmin.processingUnit')} style={{ width: '55%' }} options={TIME_UNITS.map((unit) => ({ value: unit, label: t(`procedureAdmin.timeUnits.${unit}`) }))} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={['result', 'type']} label={t('procedureAdmin.resultType')}>
            <FormSelect options={RESULT_TYPES.map((type) => ({ value: type, label: t(`procedures.resultTypes.${type}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name={['result', 'name']} label={t('procedureAdmin.resultName')}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>

      <h2 className="cqs-editor-section">{t('procedures.legalBasis')}</h2>
      <EditableTable
        name="legalBasis"
        label={t('procedures.legalBasis')}
        addText={t('procedureAdmin.addLegalBasis')}
        emptyText={t('procedureAdmin.noLegalBasis')}
        newRow={() => ''}
        minWidth={600}
        columns={[
          {
            key: 'text',
            title: t('procedureAdmin.legalDocument'),
            render: (field, row) => (
              <Cell name={field.name}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} aria-label={t('procedureAdmin.legalDocumentRow', { row: row + 1 })} />
              </Cell>
            ),
          },
        ]}
      />

      <FeesSection />

      <h2 className="cqs-editor-section">{t('procedures.requirements')}</h2>
      <EditableTable
        name="requirements"
        label={t('procedures.requirements')}
        addText={t('procedureAdmin.addRequirement')}
        emptyText={t('procedures.noRequirements')}
        minWidth={1100}
        newRow={() => ({ code: '', name: '', originals: 1, copies: 0, mandatory: true, fromDataStore: false, templateFileUrl: '' })}
        columns={[
          { key: 'code', title: t('procedureAdmin.itemCode'), width: 150, render: (field, row) => <Cell name={[field.name, 'code']}><Input aria-label={t('procedureAdmin.requirementCodeRow', { row: row + 1 })} /></Cell> },
          {
            key: 'name',
            title: t('procedures.requirementName'),
            render: (field, row) => (
              <Cell name={[field.name, 'name']}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} aria-label={t('procedureAdmin.requirementNameRow', { row: row + 1 })} />
              </Cell>
            ),
          },
          { key: 'originals', title: t('procedures.originals'), width: 96, render: (field, row) => <Cell name={[field.name, 'originals']}><InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} aria-label={t('procedureAdmin.originalsRow', { row: row + 1 })} /></Cell> },
          { key: 'copies', title: t('procedures.copies'), width: 96, render: (field, row) => <Cell name={[field.name, 'copies']}><InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} aria-label={t('procedureAdmin.copiesRow', { row: row + 1 })} /></Cell> },
          { key: 'mandatory', title: t('procedures.mandatory'), width: 96, render: (field, row) => <Cell name={[field.name, 'mandatory']} valuePropName="checked"><Checkbox aria-label={t('procedureAdmin.mandatoryRow', { row: row + 1 })} /></Cell> },
          { key: 'fromDataStore', title: t('procedureAdmin.fromDataStore'), width: 120, render: (field, row) => <Cell name={[field.name, 'fromDataStore']} valuePropName="checked"><Checkbox aria-label={t('procedureAdmin.fromDataStoreRow', { row: row + 1 })} /></Cell> },
          { key: 'template', title: t('procedureAdmin.templateUrl'), width: 220, render: (field, row) => <Cell name={[field.name, 'templateFileUrl']}><Input placeholder="https://…" aria-label={t('procedureAdmin.templateUrlRow', { row: row + 1 })} /></Cell> },
        ]}
      />
    </>
  );
}
