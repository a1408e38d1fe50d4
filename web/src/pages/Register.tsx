import { LockOutlined, MailOutlined, MobileOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { AuthResponse } from '../api.js';
import { api, ProblemError } from '../api.js';
import { ProblemAlert } from '../components/Problem.js';
import { useSignedIn } from '../session.js';
import { safeNext } from './authShared.js';
import { applyFieldErrors } from './formErrors.js';

interface RegisterForm {
  email: string;
  password: string;
  name: string;
  mobile?: string;
}

export default function Register() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), '/companies/new');
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterForm>();
  const register = useMutation({
    mutationFn: (v: RegisterForm) =>
      api<AuthResponse>('/auth/register', { method: 'POST', body: { ...v, mobile: v.mobile?.trim() ? v.mobile.trim() : undefined } }),
    onSuccess: async (res) => {
      await signedIn(res);
      message.success(t('auth.registered'));
      await navigate(next);
    },
    onError: (err) => {
      if (err instanceof ProblemError) applyFieldErrors(form, err);
    },
  });
  const err = register.error;
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '24px 0' }}>
      <Card style={{ width: '100%', maxWidth: 460 }}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('auth.registerTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.registerSubtitle')}</Typography.Paragraph>
        <ProblemAlert error={err} style={{ marginBottom: 16 }} />
        <Form<RegisterForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => register.mutate(v)}
          initialValues={{ email: params.get('email') ?? '' }}
        >
          <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, type: 'email', message: t('auth.emailRequired') }]}>
            <Input prefix={<MailOutlined />} autoComplete="email" data-testid="register-email" size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            extra={t('auth.passwordHint')}
            rules={[
              { required: true, message: t('auth.required') },
              { min: 10, message: t('auth.passwordTooShort') },
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="register-password" size="large" />
          </Form.Item>
          <Form.Item name="name" label={t('auth.name')} rules={[{ required: true, whitespace: true, message: t('auth.required') }]}>
            <Input prefix={<UserOutlined />} autoComplete="name" data-testid="register-name" size="large" />
          </Form.Item>
          <Form.Item name="mobile" label={t('auth.mobile')} rules={[{ pattern: /^\s*(\+?[0-9][0-9 -]{5,19})?\s*$/, message: t('auth.mobileInvalid') }]}>
            <Input prefix={<MobileOutlined />} autoComplete="tel" data-testid="register-mobile" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={register.isPending} data-testid="register-submit">
            {t('auth.registerSubmit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          {t('auth.haveAccount')} <Link to={`/login${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('common.signIn')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
