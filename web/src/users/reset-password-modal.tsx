import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { resetPassword } from '../api/users';
import type { UserSummary } from '../api/types';
import { FormModal } from '../components/form-modal';

export function ResetPasswordModal({ user, onClose }: { user: UserSummary | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <FormModal<{ newPassword: string }>
      name="user-reset-password"
      open={!!user}
      title={t('users.resetPasswordTitle', { name: user?.fullName ?? '' })}
      onCancel={onClose}
      onSubmit={async ({ newPassword }) => {
        if (!user) return;
        await resetPassword(user.id, newPassword);
        onClose();
        void message.success(t('users.done'));
      }}
    >
      <Form.Item
        label={t('users.newPassword')}
        name="newPassword"
        extra={t('security.passwordHint')}
        rules={[{ required: true, message: t('common.required', { field: t('users.newPassword') }) }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
