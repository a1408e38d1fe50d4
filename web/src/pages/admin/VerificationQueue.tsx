import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Image, Input, Modal, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, problemDetail } from '../../api.js';
import { formatDateTime } from '../../format.js';
import '../../i18n/verification.js';

type Status = 'pending' | 'approved' | 'rejected';
interface Item {
  id: string; companyId: string; companyName: string; status: Status; uscc: string; legalName: string; legalRepresentative: string;
  submittedAt: string; decidedAt: string | null; reason: string | null; mismatches: string[];
}
interface Detail extends Item {
  registeredCapital: string; establishedOn: string; registeredAddress: string; businessScope: string; licenseUrl: string; licenseContentType: string;
  registry: { provider: string; record: null | { uscc: string; name: string; legalRepresentative: string; status: string; establishedOn: string; registeredCapital: string; address: string } };
}

function DetailDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const detail = useQuery({ queryKey: ['admin', 'verification', id], queryFn: () => api<Detail>(`/admin/verifications/${id}`) });
  const decide = useMutation({
    mutationFn: (body: { approve: boolean; reason?: string }) => api<Detail>(`/admin/verifications/${id}/decision`, { method: 'POST', body }),
    onSuccess: async (d) => {
      qc.setQueryData(['admin', 'verification', id], d);
      await qc.invalidateQueries({ queryKey: ['admin', 'verifications'] });
      setRejecting(false);
      message.success(t('verification.decided'));
    },
    onError: (e) => message.error(problemDetail(e)),
  });
  const d = detail.data;
  const r = d?.registry.record;
  const differs = (key: string) => d?.mismatches.includes(key);
  const row = (label: string, submitted: string, registry: string | undefined, key?: string) => (
    <Descriptions.Item label={label}>
      <Space direction="vertical" size={0}>
        <Typography.Text type={key && differs(key) ? 'danger' : undefined}>{submitted}</Typography.Text>
        {registry !== undefined && <Typography.Text type="secondary">{t('verification.registryValue', { provider: d?.registry.provider })}: {registry}</Typography.Text>}
      </Space>
    </Descriptions.Item>
  );
  return (
    <Drawer open width={720} onClose={onClose} title={t('verification.detail')} data-testid="verification-drawer"
      extra={d?.status === 'pending' && (
        <Space>
          <Button danger onClick={() => setRejecting(true)} data-testid="verification-reject">{t('verification.reject')}</Button>
          <Button type="primary" loading={decide.isPending} onClick={() => decide.mutate({ approve: true })} data-testid="verification-approve">{t('verification.approve')}</Button>
        </Space>
      )}>
      {d && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Space wrap>
            <Link to={`/companies/${d.companyId}`}>{d.companyName}</Link>
            <Tag>{t(`verification.tabs.${d.status}`)}</Tag>
            {d.mismatches.length === 0 ? <Tag color="green">{t('verification.registryOk')}</Tag> : d.mismatches.map((m) => <Tag color="red" key={m}>{t(`verification.mismatches.${m}`)}</Tag>)}
          </Space>
          {!r && <Typography.Text type="danger">{t('verification.notInRegistry')}</Typography.Text>}
          <Descriptions bordered column={1} size="small">
            {row(t('verification.uscc'), d.uscc, r?.uscc)}
            {row(t('verification.legalName'), d.legalName, r?.name, 'name')}
            {row(t('verification.legalRepresentative'), d.legalRepresentative, r?.legalRepresentative, 'legal_representative')}
            {row(t('verification.establishedOn'), d.establishedOn, r?.establishedOn, 'established_on')}
            {row(t('verification.registeredCapital'), d.registeredCapital, r?.registeredCapital)}
            {row(t('verification.registeredAddress'), d.registeredAddress, r?.address)}
            <Descriptions.Item label={t('verification.businessScope')}>{d.businessScope}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('verification.license')}</Typography.Title>
            {d.licenseContentType === 'application/pdf' ? <a href={d.licenseUrl} target="_blank" rel="noreferrer">PDF</a> : <Image src={d.licenseUrl} width={320} alt="license" />}
          </div>
          {d.reason && <Typography.Text type="danger">{d.reason}</Typography.Text>}
        </Space>
      )}
      <Modal open={rejecting} title={t('verification.reject')} onCancel={() => setRejecting(false)} okButtonProps={{ danger: true, disabled: !reason.trim(), loading: decide.isPending }} onOk={() => decide.mutate({ approve: false, reason })}>
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('verification.rejectReason')} data-testid="verification-reject-reason" />
      </Modal>
    </Drawer>
  );
}

export default function VerificationQueue() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('pending');
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['admin', 'verifications', status], queryFn: () => api<{ items: Item[] }>('/admin/verifications', { query: { status, limit: 100 } }) });
  return (
    <>
      <Typography.Title level={4}>{t('verification.queue')}</Typography.Title>
      <Tabs activeKey={status} onChange={(k) => setStatus(k as Status)} items={(['pending', 'approved', 'rejected'] as const).map((s) => ({ key: s, label: t(`verification.tabs.${s}`) }))} />
      <Table<Item> rowKey="id" loading={list.isLoading} dataSource={list.data?.items ?? []} data-testid="verification-queue"
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('verification.company'), dataIndex: 'companyName' },
          { title: t('verification.uscc'), dataIndex: 'uscc', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('verification.legalRepresentative'), dataIndex: 'legalRepresentative' },
          { title: t('verification.submittedAt'), dataIndex: 'submittedAt', render: (v: string) => formatDateTime(v) },
          { title: t('verification.registryCheck'), dataIndex: 'mismatches', render: (m: string[]) => m.length === 0 ? <Tag color="green">{t('verification.registryOk')}</Tag> : m.map((x) => <Tag color="red" key={x}>{t(`verification.mismatches.${x}`)}</Tag>) },
        ]} />
      {open && <DetailDrawer id={open} onClose={() => setOpen(null)} />}
    </>
  );
}
