import { UploadOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Form, Input, Popconfirm, Row, Select, Skeleton, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Company, DomainEvent, InvitableRole, Invitation, Member, Page, Role } from '../../api.js';
import { api, ProblemError, problemDetail } from '../../api.js';
import { CompanyLogo } from '../../components/CompanyCard.js';
import { CompanyForm, fromCompany, toCompanyInput } from '../../components/CompanyForm.js';
import type { CompanyFormValues } from '../../components/CompanyForm.js';
import { ProblemAlert, ProblemResult } from '../../components/Problem.js';
import { companyDisplayName, formatDateTime } from '../../format.js';
import { activeCompanyOf, ME_KEY, useMe } from '../../session.js';
import { applyFieldErrors } from '../formErrors.js';
import { NoCompany } from './WorkbenchShell.js';

const ROLES: Role[] = ['owner', 'admin', 'purchaser', 'sales', 'finance'];
const INVITABLE: InvitableRole[] = ['admin', 'purchaser', 'sales', 'finance'];

function ProfileTab({ company, canEdit }: { company: Company; canEdit: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<CompanyFormValues>();
  useEffect(() => {
    form.setFieldsValue(fromCompany(company));
  }, [company, form]);
  const save = useMutation({
    mutationFn: (v: CompanyFormValues) => api<Company>(`/companies/${company.id}`, { method: 'PATCH', body: toCompanyInput(v) }),
    onSuccess: async (c) => {
      qc.setQueryData(['wb', 'company', c.id], c);
      message.success(t('settings.saved'));
      await qc.invalidateQueries({ queryKey: ME_KEY });
    },
    onError: (e) => {
      if (e instanceof ProblemError) applyFieldErrors(form, e);
    },
  });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const fd = new FormData();
      fd.append('file', file);
      return api<Company>(`/companies/${company.id}/logo`, { method: 'POST', form: fd });
    },
    onSuccess: (c) => {
      qc.setQueryData(['wb', 'company', c.id], c);
      message.success(t('company.logoUploaded'));
    },
    onError: (e) => message.error(problemDetail(e)),
  });
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} lg={6}>
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t('company.logo')}
        </Typography.Text>
        <CompanyLogo company={company} size={96} />
        {canEdit && (
          <div style={{ marginTop: 12 }}>
            <Upload
              accept="image/png,image/jpeg,image/webp"
              showUploadList={false}
              beforeUpload={(file) => {
                upload.mutate(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="logo-upload">
                {t('company.uploadLogo')}
              </Button>
            </Upload>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 6 }}>
              {t('company.logoHelp')}
            </Typography.Paragraph>
          </div>
        )}
      </Col>
      <Col xs={24} lg={18}>
        <ProblemAlert error={save.error} style={{ marginBottom: 12 }} />
        <CompanyForm
          form={form}
          initialValues={fromCompany(company)}
          onFinish={(v) => save.mutate(v)}
          submitting={save.isPending}
          submitLabel={t('common.save')}
          disabled={!canEdit}
        />
      </Col>
    </Row>
  );
}

function MembersTab({ company, canManage, myUserId }: { company: Company; canManage: boolean; myUserId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const members = useQuery({
    queryKey: ['wb', 'members', company.id],
    queryFn: () => api<{ items: Member[] }>(`/companies/${company.id}/members`).then((r) => r.items),
  });
  const invitations = useQuery({
    queryKey: ['wb', 'invitations', company.id],
    queryFn: () => api<{ items: Invitation[] }>(`/companies/${company.id}/invitations`).then((r) => r.items),
    enabled: canManage,
  });
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['wb', 'members', company.id] });
    await qc.invalidateQueries({ queryKey: ['wb', 'invitations', company.id] });
    await qc.invalidateQueries({ queryKey: ['wb', 'company', company.id] });
  };
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) => api(`/companies/${company.id}/members/${userId}`, { method: 'PATCH', body: { role } }),
    onSuccess: async () => {
      message.success(t('settings.roleChanged'));
      await refresh();
    },
    onError: (e) => message.error(problemDetail(e)),
  });
  const remove = useMutation({
    mutationFn: (userId: string) => api(`/companies/${company.id}/members/${userId}`, { method: 'DELETE' }),
    onSuccess: async (_r, userId) => {
      message.success(t('settings.removed'));
      if (userId === myUserId) {
        await qc.invalidateQueries({ queryKey: ME_KEY });
      } else {
        await refresh();
      }
    },
    onError: (e) => message.error(problemDetail(e)),
  });
  const [inviteForm] = Form.useForm<{ email: string; role: InvitableRole }>();
  const invite = useMutation({
    mutationFn: (v: { email: string; role: InvitableRole }) => api<Invitation>(`/companies/${company.id}/invitations`, { method: 'POST', body: v }),
    onSuccess: async (inv) => {
      message.success(t('settings.invited', { email: inv.email }));
      inviteForm.resetFields(['email']);
      await refresh();
    },
    onError: (e) => {
      if (e instanceof ProblemError) applyFieldErrors(inviteForm, e);
    },
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => api(`/companies/${company.id}/invitations/${id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      message.success(t('settings.withdrawn'));
      await refresh();
    },
    onError: (e) => message.error(problemDetail(e)),
  });
  const openInvitations = (invitations.data ?? []).filter((i) => i.status === 'pending');
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <ProblemAlert error={members.error} />
      <Table<Member>
        rowKey="userId"
        size="middle"
        loading={members.isPending}
        dataSource={members.data ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        data-testid="members-table"
        columns={[
          {
            title: t('settings.memberName'),
            dataIndex: 'name',
            render: (name: string, m) => (
              <>
                {name}
                {m.userId === myUserId && <Typography.Text type="secondary">{t('settings.you')}</Typography.Text>}
              </>
            ),
          },
          { title: t('settings.email'), dataIndex: 'email' },
          {
            title: t('settings.role'),
            dataIndex: 'role',
            width: 150,
            render: (role: Role, m) =>
              canManage && m.userId !== myUserId ? (
                <Select<Role>
                  size="small"
                  value={role}
                  style={{ width: 120 }}
                  onChange={(r) => changeRole.mutate({ userId: m.userId, role: r })}
                  options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                  data-testid="member-role"
                />
              ) : (
                <Tag color={role === 'owner' ? 'orange' : 'default'}>{t(`roles.${role}`)}</Tag>
              ),
          },
          { title: t('settings.joinedAt'), dataIndex: 'joinedAt', width: 170, render: (v: string) => formatDateTime(v) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            render: (_: unknown, m) =>
              m.userId === myUserId ? (
                <Popconfirm title={t('settings.leaveConfirm')} onConfirm={() => remove.mutate(m.userId)}>
                  <Button size="small" danger type="link">
                    {t('settings.leave')}
                  </Button>
                </Popconfirm>
              ) : canManage ? (
                <Popconfirm title={t('settings.removeConfirm', { name: m.name })} onConfirm={() => remove.mutate(m.userId)}>
                  <Button size="small" danger type="link" data-testid="member-remove">
                    {t('settings.remove')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      {canManage && (
        <Card size="small" title={t('settings.invite')} data-testid="invite-card">
          <Typography.Paragraph type="secondary">{t('settings.inviteHint')}</Typography.Paragraph>
          <ProblemAlert error={invite.error} style={{ marginBottom: 12 }} />
          <Form form={inviteForm} layout="inline" initialValues={{ role: 'purchaser' }} onFinish={(v) => invite.mutate(v)} style={{ rowGap: 8 }}>
            <Form.Item name="email" rules={[{ required: true, type: 'email', message: t('auth.emailRequired') }]} style={{ minWidth: 240, flex: '1 1 240px' }}>
              <Input placeholder={t('settings.inviteEmail')} data-testid="invite-email" />
            </Form.Item>
            <Form.Item name="role" label={t('settings.inviteRole')}>
              <Select<InvitableRole> style={{ width: 130 }} data-testid="invite-role" options={INVITABLE.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={invite.isPending} data-testid="invite-submit">
                {t('settings.inviteSubmit')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
      )}
      {canManage && (
        <Card size="small" title={t('settings.openInvitations')} data-testid="invitations-card">
          <ProblemAlert error={invitations.error} />
          {invitations.isPending ? (
            <Skeleton active />
          ) : openInvitations.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settings.noInvitations')} />
          ) : (
            <Table<Invitation>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={openInvitations}
              scroll={{ x: 600 }}
              data-testid="invitations-table"
              columns={[
                { title: t('settings.email'), dataIndex: 'email' },
                { title: t('settings.role'), dataIndex: 'role', render: (r: InvitableRole) => t(`roles.${r}`) },
                { title: t('settings.sentAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
                { title: t('settings.expiresAt'), dataIndex: 'expiresAt', render: (v: string) => formatDateTime(v) },
                {
                  title: t('common.actions'),
                  key: 'a',
                  render: (_: unknown, inv) => (
                    <Popconfirm title={t('settings.withdraw')} onConfirm={() => withdraw.mutate(inv.id)}>
                      <Button size="small" type="link" danger data-testid="invitation-withdraw">
                        {t('settings.withdraw')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]}
            />
          )}
        </Card>
      )}
    </Space>
  );
}

export function EventTable({
  items,
  loading,
  hasMore,
  loadingMore,
  onLoadMore,
  emptyText,
  showCompany = false,
}: {
  items: DomainEvent[];
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  emptyText: string;
  showCompany?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Table<DomainEvent>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
        expandable={{
          expandedRowRender: (e) => (
            <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} data-testid="event-payload">
              {JSON.stringify(e.payload, null, 2)}
            </pre>
          ),
        }}
        data-testid="events-table"
        columns={[
          { title: t('settings.occurredAt'), dataIndex: 'occurredAt', width: 170, render: (v: string) => formatDateTime(v) },
          { title: t('settings.eventType'), dataIndex: 'type', render: (v: string) => <Tag color="blue">{v}</Tag> },
          { title: t('settings.subject'), key: 'subject', ellipsis: true, render: (_: unknown, e) => `${e.subjectType}:${e.subjectId}` },
          { title: t('settings.actor'), dataIndex: 'actorUserId', ellipsis: true, render: (v: string | null) => v ?? t('common.none') },
          ...(showCompany
            ? [{ title: t('admin.companyId'), dataIndex: 'companyId', ellipsis: true, render: (v: string | null) => (v ? <Link to={`/companies/${v}`}>{v}</Link> : t('common.none')) }]
            : []),
        ]}
      />
      {hasMore && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={onLoadMore} loading={loadingMore} data-testid="load-more">
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}

function ActivityTab({ company }: { company: Company }) {
  const { t } = useTranslation();
  const [type, setType] = useState('');
  const q = useInfiniteQuery({
    queryKey: ['wb', 'events', company.id, type],
    queryFn: ({ pageParam }) => api<Page<DomainEvent>>(`/companies/${company.id}/events`, { query: { type, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('settings.filterType')}
        onSearch={(v) => setType(v.trim())}
        style={{ maxWidth: 360, marginBottom: 12 }}
        data-testid="events-type-filter"
      />
      <ProblemAlert error={q.error} style={{ marginBottom: 12 }} />
      <EventTable
        items={q.data?.pages.flatMap((p) => p.items) ?? []}
        loading={q.isPending}
        hasMore={q.hasNextPage}
        loadingMore={q.isFetchingNextPage}
        onLoadMore={() => void q.fetchNextPage()}
        emptyText={t('settings.noEvents')}
      />
    </>
  );
}

export default function CompanySettings() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const active = activeCompanyOf(me);
  const [params, setParams] = useSearchParams();
  const company = useQuery({
    queryKey: ['wb', 'company', active?.id ?? ''],
    queryFn: () => api<Company>(`/companies/${active?.id ?? ''}`),
    enabled: Boolean(active),
  });
  if (!me || !active) return <NoCompany />;
  if (company.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (company.error) return <ProblemResult error={company.error} onRetry={() => void company.refetch()} />;
  const c = company.data;
  const role = c.myRole ?? active.role;
  const canManage = role === 'owner' || role === 'admin';
  const tab = params.get('tab') ?? 'profile';
  return (
    <Card
      title={
        <Space wrap>
          {t('settings.title')}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {companyDisplayName(c)}
          </Typography.Text>
        </Space>
      }
      extra={<Link to={`/companies/${c.id}`}>{t('workbench.quickProfile')}</Link>}
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'profile', label: t('settings.profileTab'), children: <ProfileTab company={c} canEdit={canManage} /> },
          { key: 'members', label: t('settings.membersTab'), children: <MembersTab company={c} canManage={canManage} myUserId={me.user.id} /> },
          {
            key: 'activity',
            label: t('settings.activityTab'),
            children: canManage ? <ActivityTab company={c} /> : <Empty description={t('settings.notAllowed')} />,
          },
        ]}
      />
    </Card>
  );
}
