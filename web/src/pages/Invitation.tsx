import { TeamOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { InvitationPreview, Me } from '../api.js';
import { api, ProblemError } from '../api.js';
import { ProblemAlert, ProblemResult } from '../components/Problem.js';
import { companyDisplayName, companySecondaryName, formatDateTime } from '../format.js';
import { ME_KEY, useMe } from '../session.js';

export default function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { data: me, isPending: mePending } = useMe();
  const inv = useQuery({ queryKey: ['invitation', token], queryFn: () => api<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`) });
  const accept = useMutation({
    mutationFn: () => api<{ companyId: string }>(`/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST' }),
    onSuccess: async (res) => {
      try {
        const me2 = await api<Me>('/me/active-company', { method: 'PUT', body: { companyId: res.companyId } });
        qc.setQueryData(ME_KEY, me2);
      } catch {
        await qc.invalidateQueries({ queryKey: ME_KEY });
      }
      message.success(t('invitation.accepted'));
      await navigate('/workbench/buyer');
    },
  });
  if (inv.isPending || mePending) return <Skeleton active />;
  if (inv.error) {
    if (inv.error instanceof ProblemError && inv.error.status === 404) {
      return <Result status="warning" title={t('invitation.notFound')} extra={<Link to="/">{t('common.backHome')}</Link>} />;
    }
    return <ProblemResult error={inv.error} />;
  }
  const data = inv.data;
  const here = `/invitations/${token}`;
  const pending = data.status === 'pending';
  const emailMismatch = me && me.user.email.toLowerCase() !== data.email.toLowerCase();
  const secondary = companySecondaryName(data.company);
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '24px 0' }}>
      <Card style={{ width: '100%', maxWidth: 560 }} data-testid="invitation-card">
        <Space align="start" size={16} style={{ marginBottom: 16 }}>
          <TeamOutlined style={{ fontSize: 36, color: '#F25C05' }} />
          <div>
            <Typography.Text type="secondary">{t('invitation.invitedYou', { inviter: data.invitedBy })}</Typography.Text>
            <Typography.Title level={3} style={{ margin: '4px 0 0' }} data-testid="invitation-company">
              {companyDisplayName(data.company)}
            </Typography.Title>
            {secondary && <Typography.Text type="secondary">{secondary}</Typography.Text>}
          </div>
        </Space>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('invitation.asRole')}>
            <Tag color="orange" data-testid="invitation-role">
              {t(`roles.${data.role}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('invitation.forEmail')}>{data.email}</Descriptions.Item>
          <Descriptions.Item label={t('invitation.expires')}>{formatDateTime(data.expiresAt)}</Descriptions.Item>
          <Descriptions.Item label={t('invitation.status')}>{t(`invitationStatus.${data.status}`)}</Descriptions.Item>
        </Descriptions>
        <div style={{ marginTop: 20 }}>
          {!pending ? (
            <Alert type="warning" showIcon title={t('invitation.notActive', { status: t(`invitationStatus.${data.status}`) })} />
          ) : !me ? (
            <>
              <Typography.Paragraph type="secondary">{t('invitation.signedOutHint')}</Typography.Paragraph>
              <Space wrap>
                <Link to={`/register?email=${encodeURIComponent(data.email)}&next=${encodeURIComponent(here)}`}>
                  <Button type="primary" size="large" data-testid="invitation-register">
                    {t('invitation.registerToAccept')}
                  </Button>
                </Link>
                <Link to={`/login?email=${encodeURIComponent(data.email)}&next=${encodeURIComponent(here)}`}>
                  <Button size="large" data-testid="invitation-signin">
                    {t('invitation.signInToAccept')}
                  </Button>
                </Link>
              </Space>
            </>
          ) : (
            <>
              {emailMismatch && (
                <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('invitation.wrongEmail', { current: me.user.email, invited: data.email })} />
              )}
              <ProblemAlert error={accept.error} style={{ marginBottom: 12 }} />
              <Button type="primary" size="large" block loading={accept.isPending} onClick={() => accept.mutate()} data-testid="invitation-accept">
                {t('invitation.accept')}
              </Button>
            </>
          )}
        </div>
      </Card>
    </div>
  );
}
