import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, Popconfirm, Row, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Session, User } from '../api.js';
import { api, ProblemError } from '../api.js';
import { ProblemAlert } from '../components/Problem.js';
import { formatDateTime } from '../format.js';
import { ME_KEY, useMe } from '../session.js';
import { applyFieldErrors } from './formErrors.js';

function ProfileCard() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; mobile: string }>();
  const save = useMutation({
    mutationFn: (v: { name: string; mobile: string }) => api<User>('/me', { method: 'PATCH', body: { name: v.name, mobile: v.mobile.trim() ? v.mobile.trim() : null } }),
    onSuccess: async () => {
      message.success(t('account.saved'));
      await qc.invalidateQueries({ queryKey: ME_KEY });
    },
    onError: (e) => {
      if (e instanceof ProblemError) applyFieldErrors(form, e);
    },
  });
  if (!me) return null;
  return (
    <Card title={t('account.profile')} style={{ height: '100%' }}>
      <ProblemAlert error={save.error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" initialValues={{ name: me.user.name, mobile: me.user.mobile ?? '' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item label={t('auth.email')}>
          <Input value={me.user.email} disabled />
        </Form.Item>
        <Form.Item name="name" label={t('auth.name')} rules={[{ required: true, whitespace: true, message: t('auth.required') }]}>
          <Input data-testid="account-name" />
        </Form.Item>
        <Form.Item name="mobile" label={t('auth.mobile')} rules={[{ pattern: /^\s*(\+?[0-9][0-9 -]{5,19})?\s*$/, message: t('auth.mobileInvalid') }]}>
          <Input data-testid="account-mobile" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="account-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

function PasswordCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string }>();
  const change = useMutation({
    mutationFn: (v: { currentPassword: string; newPassword: string }) => api('/me/password', { method: 'POST', body: v }),
    onSuccess: async () => {
      message.success(t('account.passwordChanged'));
      form.resetFields();
      // The server ended every other session with the old password: the device list must not offer them any more.
      await qc.invalidateQueries({ queryKey: ['sessions'] });
    },
    onError: (e) => {
      if (e instanceof ProblemError) applyFieldErrors(form, e);
    },
  });
  return (
    <Card title={t('account.changePassword')} style={{ height: '100%' }}>
      <ProblemAlert error={change.error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={(v) => change.mutate(v)}>
        <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('auth.required') }]}>
          <Input.Password autoComplete="current-password" data-testid="account-current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          extra={t('auth.passwordHint')}
          rules={[
            { required: true, message: t('auth.required') },
            { min: 10, message: t('auth.passwordTooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="account-new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="account-change-password">
          {t('account.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}

function SessionsCard() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: () => api<{ items: Session[] }>('/auth/sessions').then((r) => r.items) });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/auth/sessions/${id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      message.success(t('account.revoked'));
      await qc.invalidateQueries({ queryKey: ['sessions'] });
    },
    // A session that ended meanwhile (elsewhere, or by a password change) is gone: show the list as it now is.
    onError: () => qc.invalidateQueries({ queryKey: ['sessions'] }),
  });
  return (
    <Card title={t('account.sessions')} style={{ marginTop: 16 }}>
      <ProblemAlert error={sessions.error ?? revoke.error} style={{ marginBottom: 12 }} />
      <Table<Session>
        rowKey="id"
        size="small"
        loading={sessions.isPending}
        dataSource={sessions.data ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          {
            title: t('account.userAgent'),
            dataIndex: 'userAgent',
            ellipsis: true,
            render: (ua: string | null, s) => (
              <>
                {s.current && <Tag color="green">{t('account.current')}</Tag>}
                <Typography.Text type="secondary">{ua ?? t('common.none')}</Typography.Text>
              </>
            ),
          },
          { title: t('account.ip'), dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? t('common.none') },
          { title: t('account.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
          { title: t('account.lastSeen'), dataIndex: 'lastSeenAt', width: 160, render: (v: string) => formatDateTime(v) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, s) =>
              s.current ? null : (
                <Popconfirm title={t('account.revokeConfirm')} onConfirm={() => revoke.mutate(s.id)}>
                  <Button size="small" danger data-testid="session-revoke">
                    {t('account.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}

export default function Account() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('account.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <ProfileCard />
        </Col>
        <Col xs={24} md={12}>
          <PasswordCard />
        </Col>
      </Row>
      <SessionsCard />
    </>
  );
}
