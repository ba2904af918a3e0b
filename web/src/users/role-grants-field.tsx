import { Button, Checkbox, Flex, Form, Typography } from 'antd';
import { FormSelect } from '../components/form-select';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RoleInfo, Unit } from '../api/types';
import { UnitSelect } from '../units/unit-select';

interface Props {
  roles: RoleInfo[];
  units: Unit[];
}

/** Role grants per unit, each optionally for the unit's whole subtree ("áp dụng cho đơn vị cấp dưới"). */
export function RoleGrantsField({ roles, units }: Props) {
  const { t, i18n } = useTranslation();
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <fieldset className="cqs-fieldset">
          <legend>{t('users.roles')}</legend>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="flex-start" wrap className="cqs-grant-row">
              <Form.Item label={t('users.role')} name={[field.name, 'role']} rules={required(t('users.role'))} style={{ minWidth: 180, flex: 1 }}>
                <FormSelect options={roles.map((role) => ({ value: role.code, label: i18n.language === 'en' ? role.label.en : role.label.vi }))} />
              </Form.Item>
              <Form.Item label={t('users.roleUnit')} name={[field.name, 'unitId']} style={{ minWidth: 200, flex: 2 }}>
                {/* Left empty, the grant covers every unit (a province-wide administrator). */}
                <UnitSelect units={units} allowClear placeholder={t('users.everyUnit')} />
              </Form.Item>
              <Form.Item name={[field.name, 'includeSubtree']} valuePropName="checked" className="cqs-align-with-labelled">
                <Checkbox>{t('users.includeSubtree')}</Checkbox>
              </Form.Item>
              <Form.Item className="cqs-align-with-labelled">
                <Button
                  type="text"
                  danger
                  icon={<MinusCircleOutlined aria-hidden="true" />}
                  aria-label={`${t('users.removeRole')} ${index + 1}`}
                  onClick={() => remove(field.name)}
                />
              </Form.Item>
            </Flex>
          ))}
          {fields.length === 0 && <Typography.Paragraph className="cqs-muted">{t('users.noRoles')}</Typography.Paragraph>}
          <Button type="dashed" icon={<PlusOutlined aria-hidden="true" />} onClick={() => add({ includeSubtree: false })}>
            {t('users.addRole')}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}
