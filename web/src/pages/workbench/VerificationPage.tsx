import { CheckCircleTwoTone, CloseCircleTwoTone, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Result, Row, Skeleton, Space, Tag, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ProblemError, problemDetail } from '../../api.js';
import { formatDate } from '../../format.js';
import '../../i18n/verification.js';
import { activeCompanyOf, useMe } from '../../session.js';
import { applyFieldErrors } from '../formErrors.js';
import { NoCompany } from './WorkbenchShell.js';

export interface VerificationView {
  status: 'none' | 'pending' | 'approved' | 'rejected';
  verified: boolean;
  verifiedAt: string | null;
  level: 'none' | 'registry' | 'field';
  reason: string | null;
  submission: null | {
    uscc: string; legalName: string; legalRepresentative: string; registeredCapital: string; establishedOn: string;
    registeredAddress: string; businessScope: string; licenseFileId: string; licenseUrl: string; submittedAt: string; mismatches: string[];
  };
}

interface FormValues {
  uscc: string;
  legalName: string;
  legalRepresentative: string;
  registeredCapital: string;
  establishedOn: Dayjs;
  registeredAddress: string;
  businessScope: string;
}

function UsccCheck({ code }: { code: string }) {
  const [debounced, setDebounced] = useState(code);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(code), 250);
    return () => clearTimeout(id);
  }, [code]);
  const check = useQuery({
    queryKey: ['uscc-check', debounced],
    queryFn: () => api<{ valid: boolean; message: string }>('/uscc-check', { query: { code: debounced } }),
    enabled: debounced.length > 0,
  });
  if (!debounced || !check.data) return null;
  return check.data.valid
    ? <Typography.Text type="success" data-testid="uscc-check"><CheckCircleTwoTone twoToneColor="#1A7F37" /> {check.data.message}</Typography.Text>
    : <Typography.Text type="danger" data-testid="uscc-check"><CloseCircleTwoTone twoToneColor="#CF1322" /> {check.data.message}</Typography.Text>;
}

export default function VerificationPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const [form] = Form.useForm<FormValues>();
  const uscc = Form.useWatch('uscc', form) ?? '';
  const [license, setLicense] = useState<{ id: string; name: string } | null>(null);
  const view = useQuery({
    queryKey: ['wb', 'verification', company?.id],
    queryFn: () => api<VerificationView>(`/companies/${company!.id}/verification`),
    enabled: Boolean(company),
  });
  useEffect(() => {
    const s = view.data?.submission;
    if (s) {
      form.setFieldsValue({ ...s, establishedOn: dayjs(s.establishedOn) });
      setLicense((l) => l ?? { id: s.licenseFileId, name: 'license' });
    }
  }, [view.data, form]);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const fd = new FormData();
      fd.append('file', file);
      return api<{ id: string }>('/files', { method: 'POST', form: fd, query: { purpose: 'business_license' } }).then((r) => ({ id: r.id, name: file.name }));
    },
    onSuccess: setLicense,
    onError: (e) => message.error(problemDetail(e)),
  });
  const submit = useMutation({
    mutationFn: (v: FormValues) => api<VerificationView>(`/companies/${company!.id}/verification`, {
      method: 'PUT', body: { ...v, establishedOn: v.establishedOn.format('YYYY-MM-DD'), licenseFileId: license?.id },
    }),
    onSuccess: (v) => {
      qc.setQueryData(['wb', 'verification', company?.id], v);
      message.success(t('verification.submitted'));
    },
    onError: (e) => {
      if (e instanceof ProblemError) applyFieldErrors(form, e);
      message.error(problemDetail(e));
    },
  });
  if (!company) return <NoCompany />;
  if (view.isLoading || !view.data) return <Card><Skeleton active /></Card>;
  const v = view.data;
  const canSubmit = company.role === 'owner' || company.role === 'admin';
  const status = (() => {
    switch (v.status) {
      case 'approved':
        return <Result status="success" title={t('verification.statusApproved')} subTitle={t('verification.statusApprovedHint', { date: formatDate(v.verifiedAt), level: t(`verification.levels.${v.level}`) })} />;
      case 'pending':
        return <Result status="info" title={t('verification.statusPending')} subTitle={t('verification.statusPendingHint', { date: formatDate(v.submission?.submittedAt) })} />;
      case 'rejected':
        return <Alert type="error" showIcon message={t('verification.statusRejected')} description={v.reason} data-testid="verification-reason" />;
      case 'none':
        return <Alert type="info" showIcon message={t('verification.statusNone')} description={t('verification.statusNoneHint')} />;
    }
  })();
  return (
    <Card title={t('verification.title')} data-testid="verification-page">
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <div data-testid="verification-status" data-status={v.status}>{status}</div>
        {v.submission && v.submission.mismatches.length > 0 && v.status === 'pending' && (
          <Space wrap>{v.submission.mismatches.map((m) => <Tag color="red" key={m}>{t(`verification.mismatches.${m}`)}</Tag>)}</Space>
        )}
        {!canSubmit && <Alert type="warning" message={t('verification.readOnly')} />}
        {canSubmit && v.status !== 'pending' && (
          <Form form={form} layout="vertical" onFinish={(values) => submit.mutate(values)} requiredMark disabled={submit.isPending}>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="uscc" label={t('verification.uscc')} rules={[{ required: true }]} extra={<UsccCheck code={uscc.trim().toUpperCase()} />}>
                  <Input maxLength={18} style={{ textTransform: 'uppercase', fontFamily: 'monospace' }} data-testid="verification-uscc" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="legalName" label={t('verification.legalName')} rules={[{ required: true }]}><Input data-testid="verification-legal-name" /></Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="legalRepresentative" label={t('verification.legalRepresentative')} rules={[{ required: true }]}><Input data-testid="verification-representative" /></Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="registeredCapital" label={t('verification.registeredCapital')} rules={[{ required: true }]}><Input placeholder={t('verification.registeredCapitalPlaceholder')} data-testid="verification-capital" /></Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="establishedOn" label={t('verification.establishedOn')} rules={[{ required: true }]}>
                  <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} data-testid="verification-established" />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="registeredAddress" label={t('verification.registeredAddress')} rules={[{ required: true }]}><Input data-testid="verification-address" /></Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="businessScope" label={t('verification.businessScope')} rules={[{ required: true }]}><Input.TextArea rows={3} data-testid="verification-scope" /></Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item label={t('verification.license')} required>
                  <Space>
                    <Upload accept=".png,.jpg,.jpeg,.pdf" showUploadList={false} beforeUpload={(file) => { upload.mutate(file); return false; }}>
                      <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="verification-license">{t('verification.upload')}</Button>
                    </Upload>
                    {license && <Typography.Text type="success">{t('verification.uploaded', { name: license.name })}</Typography.Text>}
                  </Space>
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit" loading={submit.isPending} disabled={!license} data-testid="verification-submit">
              {v.status === 'rejected' ? t('verification.resubmit') : t('verification.submit')}
            </Button>
          </Form>
        )}
      </Space>
    </Card>
  );
}
