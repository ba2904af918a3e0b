import { useState } from 'react';
import { App, Button, Card, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../api/auth';
import { ProblemAlert } from '../components/problem-alert';
import { showProblemOnForm } from '../components/form-problems';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function PasswordCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<unknown>(null);
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) => changePassword({ currentPassword, newPassword }),
    onSuccess: () => {
      form.resetFields();
      setProblem(null);
      void message.success(t('security.passwordChanged'));
    },
    onError: (error) => setProblem(showProblemOnForm(form, error)),
  });
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <Card title={<h2 className="cqs-card-title">{t('security.passwordTitle')}</h2>}>
      <ProblemAlert error={problem} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => change.mutate(values)} style={{ maxWidth: 420 }}>
        <Form.Item label={t('security.currentPassword')} name="currentPassword" rules={[required(t('security.currentPassword'))]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('security.newPassword')}
          name="newPassword"
          extra={t('security.passwordHint')}
          rules={[required(t('security.newPassword'))]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('security.confirmPassword')}
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            required(t('security.confirmPassword')),
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('security.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('security.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
