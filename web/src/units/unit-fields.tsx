import { Form, Input } from 'antd';
import { FormSelect } from '../components/form-select';
import { useTranslation } from 'react-i18next';
import { UNIT_TYPES } from '../api/types';

/** Fields shared by "add unit" and "rename": code and type only when creating. */
export function UnitFields({ creating }: { creating: boolean }) {
  const { t } = useTranslation();
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <>
      {creating && (
        <Form.Item label={t('units.code')} name="code" extra={t('units.codeHint')} rules={[required(t('units.code'))]}>
          <Input maxLength={13} autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item label={t('units.name')} name="name" rules={[required(t('units.name'))]}>
        <Input maxLength={250} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('units.shortName')} name="shortName" extra={t('units.shortNameHint')} rules={[required(t('units.shortName'))]}>
        <Input maxLength={30} autoComplete="off" />
      </Form.Item>
      {creating && (
        <Form.Item label={t('units.type')} name="type" rules={[required(t('units.type'))]}>
          <FormSelect options={UNIT_TYPES.map((type) => ({ value: type, label: t(`unitType.${type}`) }))} />
        </Form.Item>
      )}
    </>
  );
}
