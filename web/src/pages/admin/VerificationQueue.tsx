import { CheckOutlined, CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UploadFile } from 'antd';
import { Alert, App, Button, Card, Col, DatePicker, Drawer, Empty, Form, Input, List, Modal, Row, Skeleton, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ProblemError, problemDetail } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';
import { companyDisplayName, formatDate, formatDateTime } from '../../format.js';
import '../../i18n/verification.js';
import { applyFieldErrors } from '../formErrors.js';
import type { UploadedFile, VerificationView } from '../verificationShared.js';
import { LicensePreview, MAX_UPLOAD_BYTES } from '../verificationShared.js';
import { usePaged } from './usePaged.js';

type Status = 'pending' | 'approved' | 'rejected' | 'revoked';
interface Item {
  id: string;
  companyId: string;
  companyName: string;
  /** null when the company has no English name. */
  companyNameEn: string | null;
  status: Status;
  uscc: string;
  legalName: string;
  legalRepresentative: string;
  submittedAt: string;
  decidedAt: string | null;
  reason: string | null;
  mismatches: string[];
}
interface RegistryRecord {
  uscc: string;
  name: string;
  legalRepresentative: string;
  status: 'active' | 'deregistered' | 'revoked';
  establishedOn: string;
  registeredCapital: string;
  address: string;
}
interface Detail extends Item {
  registeredCapital: string;
  establishedOn: string;
  registeredAddress: string;
  businessScope: string;
  licenseUrl: string;
  licenseContentType: string;
  registry: { provider: string; record: RegistryRecord | null };
}

const STATUS_COLOR: Record<Status, string> = { pending: 'processing', approved: 'success', rejected: 'error', revoked: 'default' };

function MismatchTags({ mismatches }: { mismatches: string[] }) {
  const { t } = useTranslation();
  if (mismatches.length === 0) return <Tag color="green" icon={<CheckOutlined />}>{t('verification.registryOk')}</Tag>;
  return (
    <Space size={[4, 4]} wrap>
      {mismatches.map((m) => (
        <Tag color="red" key={m} data-testid={`mismatch-${m}`}>
          {t(`verification.mismatches.${m}`, { defaultValue: m })}
        </Tag>
      ))}
    </Space>
  );
}

interface CompareRow {
  key: string;
  label: string;
  submitted: string;
  registry: string | null;
  differs: boolean;
  /** Written differently from the registry although the registry check does not count it as a mismatch. */
  soft: boolean;
}

const squash = (x: string) => x.replace(/[\s,,。.;;()()]/g, '').toUpperCase();

/** Submission and registry answer side by side: red rows are registry mismatches, yellow rows merely written differently. */
function Comparison({ d }: { d: Detail }) {
  const { t } = useTranslation();
  const r = d.registry.record;
  const has = (k: string) => d.mismatches.includes(k);
  const rows: CompareRow[] = [
    { key: 'uscc', label: t('verification.uscc'), submitted: d.uscc, registry: r?.uscc ?? null, differs: has('not_found'), soft: false },
    { key: 'name', label: t('verification.legalNameShort'), submitted: d.legalName, registry: r?.name ?? null, differs: has('name'), soft: false },
    { key: 'rep', label: t('verification.legalRepresentative'), submitted: d.legalRepresentative, registry: r?.legalRepresentative ?? null, differs: has('legal_representative'), soft: false },
    { key: 'est', label: t('verification.establishedOn'), submitted: d.establishedOn, registry: r?.establishedOn ?? null, differs: has('established_on'), soft: false },
    { key: 'cap', label: t('verification.registeredCapital'), submitted: d.registeredCapital, registry: r?.registeredCapital ?? null, differs: false, soft: false },
    { key: 'addr', label: t('verification.registeredAddress'), submitted: d.registeredAddress, registry: r?.address ?? null, differs: false, soft: false },
    {
      key: 'status',
      label: t('verification.registryStatus'),
      submitted: '—',
      registry: r ? t(`verification.registryStatuses.${r.status}`) : null,
      differs: has('deregistered') || has('revoked'),
      soft: false,
    },
  ].map((row) => ({ ...row, soft: !row.differs && row.registry !== null && row.submitted !== '—' && squash(row.submitted) !== squash(row.registry) }));
  return (
    <Table<CompareRow>
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      dataSource={rows}
      data-testid="verification-compare"
      onRow={(row) => ({ style: row.differs ? { background: '#fff1f0' } : row.soft ? { background: '#fffbe6' } : undefined, 'data-differs': row.differs ? 'true' : undefined } as HTMLAttributes<HTMLElement>)}
      footer={rows.some((r) => r.soft) ? () => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('verification.softDiffersHint')}</Typography.Text> : undefined}
      columns={[
        { title: t('verification.field'), dataIndex: 'label', width: 130, render: (v: string, row) => <Space size={4}>{v}{row.differs && <Tag color="red" style={{ marginInlineEnd: 0 }}>{t('verification.differs')}</Tag>}{row.soft && <Tag color="gold" style={{ marginInlineEnd: 0 }}>{t('verification.softDiffers')}</Tag>}</Space> },
        { title: t('verification.submittedValue'), dataIndex: 'submitted', render: (v: string, row) => <Typography.Text type={row.differs ? 'danger' : undefined} strong={row.differs}>{v}</Typography.Text> },
        {
          title: t('verification.registryValue', { provider: d.registry.provider }),
          dataIndex: 'registry',
          render: (v: string | null) => (v === null ? <Typography.Text type="secondary">—</Typography.Text> : v),
        },
      ]}
    />
  );
}

interface VisitForm {
  visitedOn: Dayjs;
  inspector: string;
  notes: string;
}

function FieldVisitForm({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<VisitForm>();
  const [photos, setPhotos] = useState<UploadFile<UploadedFile>[]>([]);
  const uploading = photos.some((p) => p.status === 'uploading');
  const save = useMutation({
    mutationFn: (v: VisitForm) =>
      api(`/admin/companies/${companyId}/field-verifications`, {
        method: 'POST',
        body: {
          visitedOn: v.visitedOn.format('YYYY-MM-DD'),
          inspector: v.inspector.trim(),
          notes: (v.notes ?? '').trim(),
          photoFileIds: photos.filter((p) => p.status === 'done' && p.response).map((p) => p.response!.id),
        },
      }),
    onSuccess: async () => {
      message.success(t('verification.visitSaved'));
      form.resetFields();
      setPhotos([]);
      await qc.invalidateQueries({ queryKey: ['admin', 'field-visits', companyId] });
      await qc.invalidateQueries({ queryKey: ['trust-marks', companyId] });
    },
    onError: (e) => {
      if (e instanceof ProblemError) applyFieldErrors(form, e);
    },
  });
  return (
    <Form<VisitForm> form={form} layout="vertical" initialValues={{ visitedOn: dayjs() }} onFinish={(v) => save.mutate(v)} data-testid="field-visit-form">
      <Row gutter={12}>
        <Col xs={24} sm={10}>
          <Form.Item name="visitedOn" label={t('verification.visitedOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} data-testid="visit-date" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item name="inspector" label={t('verification.inspector')} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input data-testid="visit-inspector" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="notes" label={t('verification.notes')} rules={[{ max: 5000 }]}>
        <Input.TextArea rows={3} data-testid="visit-notes" />
      </Form.Item>
      <Form.Item label={t('verification.photos')}>
        <Upload<UploadedFile>
          listType="picture-card"
          accept="image/png,image/jpeg"
          fileList={photos}
          onChange={({ fileList }) => setPhotos(fileList)}
          beforeUpload={(file) => (file.size > MAX_UPLOAD_BYTES ? (message.error(t('verification.licenseTooBig')), Upload.LIST_IGNORE) : true)}
          customRequest={({ file, onSuccess, onError }) => {
            const fd = new FormData();
            fd.append('file', file as File);
            api<UploadedFile>('/files', { method: 'POST', form: fd, query: { purpose: 'attachment', companyId } })
              .then((r) => onSuccess?.(r))
              .catch((e: unknown) => {
                message.error(problemDetail(e));
                onError?.(e instanceof Error ? e : new Error(problemDetail(e)));
              });
          }}
          data-testid="visit-photos"
        >
          {photos.length < 20 && (
            <div>
              <PlusOutlined />
              <div style={{ marginTop: 4, fontSize: 12 }}>{t('verification.uploadPhotos')}</div>
            </div>
          )}
        </Upload>
      </Form.Item>
      <ProblemAlert error={save.error} style={{ marginBottom: 12 }} />
      <Button type="primary" htmlType="submit" loading={save.isPending} disabled={uploading} data-testid="visit-save">
        {t('verification.saveVisit')}
      </Button>
    </Form>
  );
}

function FieldVisitList({ companyId }: { companyId: string }) {
  const q = useQuery({ queryKey: ['admin', 'field-visits', companyId], queryFn: () => api<VerificationView>(`/companies/${companyId}/verification`) });
  const visits = q.data?.fieldVisits ?? [];
  if (visits.length === 0) return null;
  return (
    <List
      size="small"
      bordered
      style={{ marginBottom: 16 }}
      dataSource={visits}
      data-testid="field-visit-list"
      renderItem={(v) => (
        <List.Item key={v.id}>
          <Space orientation="vertical" size={4}>
            <Space wrap>
              <Typography.Text strong>{formatDate(v.visitedOn)}</Typography.Text>
              <Typography.Text type="secondary">{v.inspector}</Typography.Text>
            </Space>
            {v.notes && <span style={{ whiteSpace: 'pre-wrap' }}>{v.notes}</span>}
            {v.photoUrls.length > 0 && <Space wrap>{v.photoUrls.map((u) => <LicensePreview key={u} url={u} width={72} />)}</Space>}
          </Space>
        </List.Item>
      )}
    />
  );
}

function DetailDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const [revokeForm] = Form.useForm<{ reason: string }>();
  const detail = useQuery({ queryKey: ['admin', 'verification', id], queryFn: () => api<Detail>(`/admin/verifications/${id}`) });
  const decide = useMutation({
    mutationFn: (body: { approve: boolean; reason?: string }) => api<Detail>(`/admin/verifications/${id}/decision`, { method: 'POST', body }),
    onSuccess: async (d) => {
      qc.setQueryData(['admin', 'verification', id], d);
      setRejecting(false);
      message.success(t('verification.decided'));
      await qc.invalidateQueries({ queryKey: ['admin', 'verifications'] });
      await qc.invalidateQueries({ queryKey: ['trust-marks', d.companyId] });
    },
    onError: (e) => {
      if (e instanceof ProblemError && rejecting) applyFieldErrors(reasonForm, e);
      message.error(problemDetail(e));
    },
  });
  const revoke = useMutation({
    mutationFn: (body: { reason: string }) => api<Detail>(`/admin/verifications/${id}/revocation`, { method: 'POST', body }),
    onSuccess: async (d) => {
      qc.setQueryData(['admin', 'verification', id], d);
      setRevoking(false);
      message.success(t('verification.revokedDone'));
      await qc.invalidateQueries({ queryKey: ['admin', 'verifications'] });
      await qc.invalidateQueries({ queryKey: ['trust-marks', d.companyId] });
    },
    onError: (e) => {
      if (e instanceof ProblemError) applyFieldErrors(revokeForm, e);
      message.error(problemDetail(e));
    },
  });
  const d = detail.data;
  return (
    <Drawer
      open
      size="min(960px, 100vw)"
      onClose={onClose}
      title={t('verification.detail')}
      data-testid="verification-drawer"
      extra={
        d?.status === 'pending' && (
          <Space>
            <Button danger icon={<CloseOutlined />} onClick={() => setRejecting(true)} data-testid="verification-reject">
              {t('verification.reject')}
            </Button>
            <Button type="primary" icon={<CheckOutlined />} loading={decide.isPending && !rejecting} onClick={() => decide.mutate({ approve: true })} data-testid="verification-approve">
              {t('verification.approve')}
            </Button>
          </Space>
        )
        || (d?.status === 'approved' && (
          <Button danger icon={<CloseOutlined />} onClick={() => setRevoking(true)} data-testid="verification-revoke">
            {t('verification.revoke')}
          </Button>
        ))
      }
    >
      {detail.error && <ProblemAlert error={detail.error} />}
      {!d && !detail.error && <Skeleton active paragraph={{ rows: 10 }} />}
      {d && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap size={[8, 8]}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              <Link to={`/companies/${d.companyId}`} target="_blank">{companyDisplayName({ name: d.companyName, nameEn: d.companyNameEn })}</Link>
            </Typography.Title>
            <Tag color={STATUS_COLOR[d.status]} data-testid="verification-drawer-status">{t(`verification.tabs.${d.status}`)}</Tag>
            <MismatchTags mismatches={d.mismatches} />
            <Typography.Text type="secondary">{t('verification.submittedOn', { date: formatDateTime(d.submittedAt) })}</Typography.Text>
          </Space>
          {d.reason && <Alert type="error" showIcon title={t(d.status === 'revoked' ? 'verification.revokedReason' : 'verification.rejectedReason')} description={d.reason} />}
          {!d.registry.record && <Alert type="error" showIcon title={t('verification.notInRegistry')} />}
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={15}>
              <Comparison d={d} />
              <Card size="small" title={t('verification.businessScope')} style={{ marginTop: 12 }}>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 4, expandable: true }}>
                  {d.businessScope}
                </Typography.Paragraph>
              </Card>
            </Col>
            <Col xs={24} lg={9}>
              <Card size="small" title={t('verification.licenseTitle')}>
                <LicensePreview url={d.licenseUrl} contentType={d.licenseContentType} width={280} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('verification.recordVisit')}>
            <FieldVisitList companyId={d.companyId} />
            <FieldVisitForm companyId={d.companyId} />
          </Card>
        </Space>
      )}
      <Modal
        open={rejecting}
        title={t('verification.reject')}
        onCancel={() => setRejecting(false)}
        okText={t('verification.reject')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, loading: decide.isPending, 'data-testid': 'verification-reject-confirm' }}
        onOk={() => reasonForm.submit()}
        destroyOnHidden
      >
        <Form form={reasonForm} layout="vertical" onFinish={(v) => decide.mutate({ approve: false, reason: v.reason.trim() })} preserve={false}>
          <Form.Item name="reason" label={t('verification.rejectReason')} rules={[{ required: true, whitespace: true, max: 500 }]}>
            <Input.TextArea rows={4} showCount maxLength={500} data-testid="verification-reject-reason" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={revoking}
        title={t('verification.revoke')}
        onCancel={() => setRevoking(false)}
        okText={t('verification.revoke')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, loading: revoke.isPending, 'data-testid': 'verification-revoke-confirm' }}
        onOk={() => revokeForm.submit()}
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={t('verification.revokeWarning')} style={{ marginBottom: 12 }} />
        <Form form={revokeForm} layout="vertical" onFinish={(v) => revoke.mutate({ reason: v.reason.trim() })} preserve={false}>
          <Form.Item name="reason" label={t('verification.revokeReason')} rules={[{ required: true, whitespace: true, max: 500 }]}>
            <Input.TextArea rows={4} showCount maxLength={500} data-testid="verification-revoke-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}

export default function VerificationQueue() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('pending');
  const [open, setOpen] = useState<string | null>(null);
  const list = usePaged<Item>(['admin', 'verifications'], '/admin/verifications', { status });
  return (
    <>
      <Typography.Title level={4}>{t('verification.queue')}</Typography.Title>
      <Card>
        <Tabs activeKey={status} onChange={(k) => setStatus(k as Status)} items={(['pending', 'approved', 'rejected', 'revoked'] as const).map((s) => ({ key: s, label: t(`verification.tabs.${s}`) }))} />
        <ProblemAlert error={list.error} />
        <Table<Item>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="verification-queue"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('verification.emptyQueue', { status: t(`verification.tabs.${status}`) })} /> }}
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              // The submitted legal name shows under the company only where it differs from the name on the platform.
              title: `${t('verification.company')} / ${t('verification.legalNameShort')}`,
              dataIndex: 'companyName',
              render: (v: string, r) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Link>{companyDisplayName({ name: v, nameEn: r.companyNameEn })}</Typography.Link>
                  {r.legalName !== v && (
                    <Typography.Text type={r.mismatches.includes('name') ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                      {t('verification.legalNameShort')}: {r.legalName}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            { title: t('verification.uscc'), dataIndex: 'uscc', width: 200, render: (v: string) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{v}</Typography.Text> },
            { title: t('verification.legalRepresentative'), dataIndex: 'legalRepresentative', width: 110 },
            { title: t('verification.submittedAt'), dataIndex: 'submittedAt', width: 170, render: (v: string) => formatDateTime(v) },
            { title: t('verification.registryCheck'), dataIndex: 'mismatches', render: (m: string[]) => <MismatchTags mismatches={m} /> },
            ...(status === 'pending' ? [] : [{ title: t('verification.decided'), dataIndex: 'decidedAt', width: 170, render: (v: string | null) => formatDateTime(v) }]),
          ]}
        />
        {list.hasNextPage && (
          <div style={{ textAlign: 'center', marginTop: 12 }}>
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </div>
        )}
      </Card>
      {open && <DetailDrawer id={open} onClose={() => setOpen(null)} />}
    </>
  );
}
