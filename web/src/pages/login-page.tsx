import { useState } from 'react';
import { Alert, Button, Card, Divider, Form, Input, Typography } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchProviders, login } from '../api/auth';
import { ApiError } from '../api/client';
import { homeOf, useMe, useSetMe } from '../auth/session';
import { ProblemAlert } from '../components/problem-alert';
import { showProblemOnForm } from '../components/form-problems';
import { usePageTitle } from '../components/use-page-title';
import type { Me } from '../api/types';

interface Credentials {
  username: string;
  password: string;
}

/** Only same-site paths: `?next=//evil.example` must not turn the login page into an open redirect. */
function safeNext(next: string | null): string | undefined {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : undefined;
}

function destination(me: Me, next: string | undefined): string {
  return me.mfaEnrolmentRequired ? '/account/security' : (next ?? homeOf(me));
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const setMe = useSetMe();
  const providers = useQuery({ queryKey: ['auth-providers'], queryFn: fetchProviders, staleTime: 5 * 60_000 });
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [passwordForm] = Form.useForm<Credentials>();
  const [otpForm] = Form.useForm<{ otp: string }>();
  const [problem, setProblem] = useState<unknown>(null);
  const next = safeNext(search.get('next'));

  const signIn = useMutation({
    mutationFn: login,
    onSuccess: (user) => {
      setMe(user);
      navigate(destination(user, next), { replace: true });
    },
    onError: (error, input) => {
      // The server asks for the second factor only after the password was right (OTP_REQUIRED).
      if (error instanceof ApiError && error.code === 'OTP_REQUIRED') {
        setCredentials({ username: input.username, password: input.password });
        setProblem(null);
        return;
      }
      setProblem(showProblemOnForm(credentials ? otpForm : passwordForm, error));
    },
  });

  if (me.data && !signIn.isPending) return <Navigate to={destination(me.data, next)} replace />;

  const oidc = providers.data?.oidc;
  return (
    <div className="cqs-login">
      <Card className="cqs-login-card">
        <Typography.Title level={1} className="cqs-login-title">
          {credentials ? t('login.otpTitle') : t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{credentials ? t('login.otpHelp') : t('login.subtitle')}</Typography.Paragraph>
        {search.get('error') === 'oidc' && <Alert type="error" showIcon role="alert" message={t('login.oidcError')} style={{ marginBottom: 16 }} />}
        <ProblemAlert error={problem} />
        {credentials ? (
          <Form
            form={otpForm}
            layout="vertical"
            requiredMark={false}
            onFinish={({ otp }) => signIn.mutate({ ...credentials, otp: otp.trim() })}
          >
            <Form.Item label={t('login.otp')} name="otp" rules={[{ required: true, message: t('common.required', { field: t('login.otp') }) }]}>
              <Input
                prefix={<SafetyOutlined aria-hidden="true" />}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={8}
                autoFocus
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
              {t('login.verify')}
            </Button>
            <Button
              type="link"
              block
              onClick={() => {
                setCredentials(null);
                setProblem(null);
              }}
            >
              {t('login.back')}
            </Button>
          </Form>
        ) : (
          <Form form={passwordForm} layout="vertical" requiredMark={false} onFinish={(values) => signIn.mutate(values)}>
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, message: t('common.required', { field: t('login.username') }) }]}
            >
              <Input prefix={<UserOutlined aria-hidden="true" />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('common.required', { field: t('login.password') }) }]}
            >
              <Input.Password prefix={<LockOutlined aria-hidden="true" />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        )}
        {oidc?.enabled && oidc.startUrl && !credentials && (
          <>
            <Divider plain>{t('login.or')}</Divider>
            {/* A plain link: the server starts the OpenID Connect redirect (PKCE, state) itself. */}
            <Button block href={oidc.startUrl ?? undefined}>
              {t('login.oidc', { name: oidc.name })}
            </Button>
          </>
        )}
      </Card>
    </div>
  );
}
