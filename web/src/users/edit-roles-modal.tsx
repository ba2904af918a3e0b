import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { replaceRoles, type GrantInput } from '../api/users';
import type { RoleInfo, Unit, UserSummary } from '../api/types';
import { FormModal } from '../components/form-modal';
import { RoleGrantsField } from './role-grants-field';

interface Props {
  user: UserSummary | null;
  onClose: () => void;
  roles: RoleInfo[];
  units: Unit[];
}

export function EditRolesModal({ user, onClose, roles, units }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  return (
    <FormModal<{ roles: GrantInput[] }>
      name="user-roles"
      open={!!user}
      width={760}
      title={t('users.editRolesTitle', { name: user?.fullName ?? '' })}
      initialValues={{
        roles: (user?.roles ?? []).map((grant) => ({ role: grant.role, unitId: grant.unitId, includeSubtree: grant.includeSubtree })),
      }}
      onCancel={onClose}
      onSubmit={async ({ roles: grants }) => {
        if (!user) return;
        await replaceRoles(
          user.id,
          (grants ?? []).map((grant) => ({ role: grant.role, unitId: grant.unitId ?? null, includeSubtree: !!grant.includeSubtree })),
        );
        await client.invalidateQueries({ queryKey: ['users'] });
        onClose();
        void message.success(t('users.done'));
      }}
    >
      <RoleGrantsField roles={roles} units={units} />
    </FormModal>
  );
}
