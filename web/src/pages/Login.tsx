import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { AuthResponse } from '../api.js';
import { api, ProblemError, problemDetail } from '../api.js';
import { useSignedIn } from '../session.js';
import { safeNext } from './authShared.js';

interface LoginForm {
  email: string;
  password: string;
}

export default function Login() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), '/workbench/buyer');
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const { message } = App.useApp();
  const [form] = Form.useForm<LoginForm>();
  const login = useMutation({
    mutationFn: (v: LoginForm) => api<AuthResponse>('/auth/login', { method: 'POST', body: v }),
    onSuccess: async (res) => {
      await signedIn(res);
      message.success(t('auth.welcomeBack'));
      await navigate(next);
    },
  });
  const err = login.error;
  const throttled = err instanceof ProblemError && err.status === 429;
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '24px 0' }}>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('auth.loginTitle')}
        </Typography.Title>
        {err && (
          <Alert
            type={throttled ? 'warning' : 'error'}
            showIcon
            style={{ marginBottom: 16 }}
            title={throttled ? t('auth.throttled') : problemDetail(err)}
            description={throttled ? problemDetail(err) : undefined}
            data-testid="login-error"
          />
        )}
        <Form<LoginForm> form={form} layout="vertical" requiredMark={false} onFinish={(v) => login.mutate(v)} initialValues={{ email: params.get('email') ?? '' }}>
          <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, type: 'email', message: t('auth.emailRequired') }]}>
            <Input prefix={<MailOutlined />} autoComplete="email" data-testid="login-email" size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.required') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending} data-testid="login-submit">
            {t('auth.loginSubmit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          {t('auth.noAccount')}{' '}
          <Link to={`/register${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('common.register')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
