import { useState } from 'react';
import { App, Button, Card, Form, Image, Input, Space, Typography } from 'antd';
import { CheckCircleTwoTone } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { enableTotp, startTotpSetup } from '../api/auth';
import type { Me } from '../api/types';
import { useSetMe } from '../auth/session';
import { ProblemAlert } from '../components/problem-alert';
import { showProblemOnForm } from '../components/form-problems';

/** TOTP enrolment: QR code plus the secret as text, so it can be typed into an app on another device. */
export function TotpCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setMe = useSetMe();
  const [form] = Form.useForm<{ otp: string }>();
  const [problem, setProblem] = useState<unknown>(null);
  const setup = useMutation({ mutationFn: startTotpSetup, onError: setProblem, onSuccess: () => setProblem(null) });
  const enable = useMutation({
    mutationFn: (otp: string) => enableTotp(otp),
    onSuccess: (updated) => {
      setMe(updated);
      setProblem(null);
      setup.reset();
      void message.success(t('security.enabled'));
    },
    onError: (error) => setProblem(showProblemOnForm(form, error)),
  });

  return (
    <Card title={<h2 className="cqs-card-title">{t('security.totpTitle')}</h2>}>
      <ProblemAlert error={problem} />
      {me.totpEnabled ? (
        <Space>
          <CheckCircleTwoTone twoToneColor="#237804" aria-hidden="true" />
          <Typography.Text>{t('security.totpOn')}</Typography.Text>
        </Space>
      ) : !setup.data ? (
        <Space direction="vertical">
          <Typography.Text>{t('security.totpOff')}</Typography.Text>
          <Button type="primary" onClick={() => setup.mutate()} loading={setup.isPending}>
            {t('security.totpStart')}
          </Button>
        </Space>
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('security.totpStep1')}</Typography.Paragraph>
          <Image src={setup.data.qrDataUrl} alt={t('security.qrAlt')} width={200} height={200} preview={false} />
          <div>
            <Typography.Text strong id="totp-secret-label">
              {t('security.secret')}
            </Typography.Text>
            <Typography.Paragraph copyable={{ text: setup.data.secret }}>
              <code aria-labelledby="totp-secret-label" data-testid="totp-secret" className="cqs-secret">
                {setup.data.secret}
              </code>
            </Typography.Paragraph>
          </div>
          <Typography.Paragraph>{t('security.totpStep2')}</Typography.Paragraph>
          <Form form={form} layout="vertical" requiredMark={false} onFinish={({ otp }) => enable.mutate(otp.trim())}>
            <Form.Item label={t('security.otp')} name="otp" rules={[{ required: true, message: t('common.required', { field: t('security.otp') }) }]}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={8} style={{ maxWidth: 200 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={enable.isPending}>
              {t('security.enable')}
            </Button>
          </Form>
        </Space>
      )}
    </Card>
  );
}
