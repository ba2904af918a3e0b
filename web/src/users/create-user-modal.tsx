import { App, Col, Form, Input, Row } from 'antd';
import { FormSelect } from '../components/form-select';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createUser, type NewUser } from '../api/users';
import type { RoleInfo, Unit } from '../api/types';
import { FormModal } from '../components/form-modal';
import { UnitSelect } from '../units/unit-select';
import { RoleGrantsField } from './role-grants-field';

interface Props {
  open: boolean;
  onClose: () => void;
  roles: RoleInfo[];
  units: Unit[];
}

type Values = Omit<NewUser, 'roles'> & { roles?: { role: string; unitId?: number | null; includeSubtree?: boolean }[] };

/** Optional text fields are left out rather than sent empty: the server validates formats strictly. */
function withoutBlanks(values: Values): NewUser {
  const entries = Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== '');
  const clean = Object.fromEntries(entries) as unknown as NewUser;
  clean.roles = (values.roles ?? []).map((grant) => ({ role: grant.role, unitId: grant.unitId ?? null, includeSubtree: !!grant.includeSubtree }));
  return clean;
}

export function CreateUserModal({ open, onClose, roles, units }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  return (
    <FormModal<Values>
      name="user-create"
      open={open}
      width={760}
      title={t('users.createTitle')}
      initialValues={{ kind: 'official', roles: [] }}
      onCancel={onClose}
      onSubmit={async (values) => {
        const created = await createUser(withoutBlanks(values));
        await client.invalidateQueries({ queryKey: ['users'] });
        onClose();
        void message.success(t('users.created', { username: created.username }));
      }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('users.username')} name="username" rules={required(t('users.username'))}>
            <Input autoComplete="off" maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('users.fullName')} name="fullName" rules={required(t('users.fullName'))}>
            <Input autoComplete="off" maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('users.kind')} name="kind" rules={required(t('users.kind'))}>
            <FormSelect
              options={[
                { value: 'official', label: t('users.official') },
                { value: 'citizen', label: t('users.citizen') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('users.unit')} name="unitId">
            <UnitSelect units={units} allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('users.jobTitle')} name="title">
            <Input autoComplete="off" maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('users.email')} name="email">
            <Input type="email" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('users.phone')} name="phone">
            <Input type="tel" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('users.identityNumber')} name="identityNumber">
            <Input autoComplete="off" inputMode="numeric" maxLength={12} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('users.password')} name="password" extra={t('security.passwordHint')} rules={required(t('users.password'))}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
      </Row>
      <RoleGrantsField roles={roles} units={units} />
    </FormModal>
  );
}
