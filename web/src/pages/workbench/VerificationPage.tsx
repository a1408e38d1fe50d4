import { CheckCircleTwoTone, CloseCircleTwoTone, LoadingOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, List, Result, Row, Skeleton, Space, Steps, Tag, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ProblemError, problemDetail } from '../../api.js';
import { ProblemResult } from '../../components/Problem.js';
import { VerifiedMark } from '../../components/TrustMarks.js';
import { formatDate } from '../../format.js';
import '../../i18n/verification.js';
import { activeCompanyOf, useMe } from '../../session.js';
import { applyFieldErrors } from '../formErrors.js';
import type { FieldVisit, UploadedFile, VerificationView } from '../verificationShared.js';
import { LICENSE_TYPES, LicensePreview, MAX_UPLOAD_BYTES } from '../verificationShared.js';
import { NoCompany } from './WorkbenchShell.js';

interface FormValues {
  uscc: string;
  legalName: string;
  legalRepresentative: string;
  registeredCapital: string;
  establishedOn: Dayjs;
  registeredAddress: string;
  businessScope: string;
}
const DETAIL_FIELDS: (keyof FormValues)[] = ['uscc', 'legalName', 'legalRepresentative', 'registeredCapital', 'establishedOn', 'registeredAddress', 'businessScope'];

interface License {
  id: string;
  url: string;
  contentType?: string;
  name?: string;
}

/** The live check under the USCC field: ✓ once the 18 characters are well formed, otherwise the server's reason. */
function UsccCheck({ code }: { code: string }) {
  const { i18n } = useTranslation();
  const [debounced, setDebounced] = useState(code);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(code), 300);
    return () => clearTimeout(id);
  }, [code]);
  const check = useQuery({
    queryKey: ['uscc-check', debounced, i18n.language],
    queryFn: () => api<{ valid: boolean; problem: string | null; message: string }>('/uscc-check', { query: { code: debounced } }),
    enabled: debounced.length > 0,
    staleTime: Infinity,
  });
  if (!code) return null;
  if (debounced !== code || check.isFetching) return <LoadingOutlined style={{ color: '#999' }} />;
  if (!check.data) return null;
  return check.data.valid ? (
    <Typography.Text type="success" data-testid="uscc-check" data-valid="true">
      <CheckCircleTwoTone twoToneColor="#1A7F37" /> {check.data.message}
    </Typography.Text>
  ) : (
    <Typography.Text type="danger" data-testid="uscc-check" data-valid="false">
      <CloseCircleTwoTone twoToneColor="#CF1322" /> {check.data.message}
    </Typography.Text>
  );
}

function StatusBlock({ v, canSubmit }: { v: VerificationView; canSubmit: boolean }) {
  const { t } = useTranslation();
  const level = t(`verification.levels.${v.level}`);
  switch (v.status) {
    case 'approved':
      return (
        <Result
          status="success"
          style={{ padding: '16px 0' }}
          title={t('verification.statusApproved')}
          subTitle={
            <Space wrap size={8}>
              <VerifiedMark verifiedAt={v.verifiedAt} level={v.level} />
              {t('verification.statusApprovedHint', { date: formatDate(v.verifiedAt), level })}
            </Space>
          }
        />
      );
    case 'pending':
      return (
        <Result
          status="info"
          style={{ padding: '16px 0' }}
          title={t('verification.statusPending')}
          subTitle={
            <>
              {t('verification.statusPendingHint', { date: formatDate(v.submission?.submittedAt) })}
              {v.verified && <div>{t('verification.pendingResubmitNote')}</div>}
            </>
          }
        />
      );
    case 'rejected':
    case 'revoked':
      return (
        <Alert
          type="error"
          showIcon
          title={t(v.status === 'revoked' ? 'verification.statusRevoked' : 'verification.statusRejected')}
          description={
            <>
              <Typography.Text type="danger" strong data-testid="verification-reason">{t(v.status === 'revoked' ? 'verification.revokedReason' : 'verification.rejectedReason')}: {v.reason}</Typography.Text>
              {canSubmit && <div>{t('verification.rejectedFix')}</div>}
            </>
          }
        />
      );
    case 'none':
      return <Alert type="info" showIcon title={t('verification.statusNone')} description={t('verification.statusNoneHint')} />;
  }
}

function FieldVisits({ visits }: { visits: FieldVisit[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('verification.fieldVisits')} data-testid="field-visits">
      <List
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('verification.noFieldVisits')} /> }}
        dataSource={visits}
        renderItem={(fv) => (
          <List.Item key={fv.id}>
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{formatDate(fv.visitedOn)}</Typography.Text>
                <Typography.Text type="secondary">{fv.inspector}</Typography.Text>
              </Space>
              {fv.notes && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{fv.notes}</Typography.Paragraph>}
              {fv.photoUrls.length > 0 && (
                <Space wrap>{fv.photoUrls.map((u) => <LicensePreview key={u} url={u} width={96} />)}</Space>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function Wizard({ companyId, view }: { companyId: string; view: VerificationView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const uscc = (Form.useWatch('uscc', form) ?? '').trim().toUpperCase();
  const [step, setStep] = useState(0);
  const s = view.submission;
  const [license, setLicense] = useState<License | null>(s ? { id: s.licenseFileId, url: s.licenseUrl } : null);
  const [licenseError, setLicenseError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const initialValues = s ? { ...s, establishedOn: dayjs(s.establishedOn) } : undefined;

  const submit = useMutation({
    mutationFn: (values: FormValues) =>
      api<VerificationView>(`/companies/${companyId}/verification`, {
        method: 'PUT',
        body: {
          uscc: values.uscc.trim().toUpperCase(),
          legalName: values.legalName.trim(),
          legalRepresentative: values.legalRepresentative.trim(),
          registeredCapital: values.registeredCapital.trim(),
          establishedOn: values.establishedOn.format('YYYY-MM-DD'),
          registeredAddress: values.registeredAddress.trim(),
          businessScope: values.businessScope.trim(),
          licenseFileId: license?.id,
        },
      }),
    onSuccess: async (v) => {
      qc.setQueryData(['wb', 'verification', companyId], v);
      await qc.invalidateQueries({ queryKey: ['trust-marks', companyId] });
      message.success(t('verification.submitted'));
    },
    onError: (e) => {
      if (e instanceof ProblemError) {
        const fields = e.fieldErrors();
        if (fields.licenseFileId) {
          setLicenseError(fields.licenseFileId.join(' '));
          setStep(1);
        }
        if (applyFieldErrors(form, e) && DETAIL_FIELDS.some((f) => fields[f])) setStep(0);
      }
      message.error(problemDetail(e));
    },
  });

  const next = async () => {
    if (step === 0) {
      try {
        await form.validateFields(DETAIL_FIELDS);
      } catch {
        return;
      }
    }
    if (step === 1 && !license) {
      setLicenseError(t('verification.licenseRequired'));
      return;
    }
    setStep(step + 1);
  };

  const values = form.getFieldsValue(true) as Partial<FormValues>;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Steps
        current={step}
        onChange={(n) => (n < step ? setStep(n) : void next())}
        items={[{ title: t('verification.steps.details') }, { title: t('verification.steps.license') }, { title: t('verification.steps.review') }]}
        data-testid="verification-steps"
      />
      <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => submit.mutate(v)} disabled={submit.isPending} data-testid="verification-form">
        <div style={{ display: step === 0 ? undefined : 'none' }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="uscc"
                label={t('verification.uscc')}
                tooltip={t('verification.usccHint')}
                rules={[{ required: true, whitespace: true }, { len: 18, message: t('verification.usccLength') }]}
                normalize={(x: string) => x.toUpperCase().replace(/\s+/g, '')}
                extra={<UsccCheck code={uscc} />}
              >
                <Input maxLength={18} showCount style={{ fontFamily: 'monospace' }} placeholder="91330100MA2XXXXXXX" data-testid="verification-uscc" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="legalName" label={t('verification.legalName')} rules={[{ required: true, whitespace: true, max: 100 }]}>
                <Input data-testid="verification-legal-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="legalRepresentative" label={t('verification.legalRepresentative')} rules={[{ required: true, whitespace: true, max: 50 }]}>
                <Input data-testid="verification-representative" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="registeredCapital" label={t('verification.registeredCapital')} rules={[{ required: true, whitespace: true, max: 50 }]}>
                <Input placeholder={t('verification.registeredCapitalPlaceholder')} data-testid="verification-capital" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="establishedOn" label={t('verification.establishedOn')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} data-testid="verification-established" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="registeredAddress" label={t('verification.registeredAddress')} rules={[{ required: true, whitespace: true, max: 200 }]}>
                <Input data-testid="verification-address" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="businessScope" label={t('verification.businessScope')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
                <Input.TextArea rows={3} showCount maxLength={2000} data-testid="verification-scope" />
              </Form.Item>
            </Col>
          </Row>
        </div>
        <div style={{ display: step === 1 ? undefined : 'none' }}>
          <Form.Item label={t('verification.license')} required extra={t('verification.licenseHint')} validateStatus={licenseError ? 'error' : undefined} help={licenseError ?? undefined}>
            <Space orientation="vertical" size="middle">
              <Upload
                accept=".png,.jpg,.jpeg,.pdf,image/png,image/jpeg,application/pdf"
                showUploadList={false}
                beforeUpload={(file) => {
                  if (!LICENSE_TYPES.includes(file.type)) {
                    setLicenseError(t('verification.licenseType'));
                    return Upload.LIST_IGNORE;
                  }
                  if (file.size > MAX_UPLOAD_BYTES) {
                    setLicenseError(t('verification.licenseTooBig'));
                    return Upload.LIST_IGNORE;
                  }
                  return true;
                }}
                customRequest={({ file, onSuccess, onError }) => {
                  const f = file as File;
                  const fd = new FormData();
                  fd.append('file', f);
                  setUploading(true);
                  setLicenseError(null);
                  api<UploadedFile>('/files', { method: 'POST', form: fd, query: { purpose: 'business_license' } })
                    .then((r) => {
                      setLicense({ id: r.id, url: r.url, contentType: r.contentType, name: f.name });
                      onSuccess?.(r);
                    })
                    .catch((e: unknown) => {
                      setLicenseError(problemDetail(e));
                      onError?.(e instanceof Error ? e : new Error(problemDetail(e)));
                    })
                    .finally(() => setUploading(false));
                }}
              >
                <Button icon={<UploadOutlined />} loading={uploading} disabled={submit.isPending} data-testid="verification-license">
                  {t('verification.upload')}
                </Button>
              </Upload>
              {license && <LicensePreview key={license.id} url={license.url} contentType={license.contentType} name={license.name} />}
            </Space>
          </Form.Item>
        </div>
        {step === 2 && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="verification-review">
            <Alert type="info" showIcon title={t('verification.reviewHint')} />
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('verification.uscc')}><Typography.Text code>{values.uscc}</Typography.Text></Descriptions.Item>
              <Descriptions.Item label={t('verification.legalName')}>{values.legalName}</Descriptions.Item>
              <Descriptions.Item label={t('verification.legalRepresentative')}>{values.legalRepresentative}</Descriptions.Item>
              <Descriptions.Item label={t('verification.registeredCapital')}>{values.registeredCapital}</Descriptions.Item>
              <Descriptions.Item label={t('verification.establishedOn')}>{values.establishedOn ? formatDate(values.establishedOn.format('YYYY-MM-DD')) : ''}</Descriptions.Item>
              <Descriptions.Item label={t('verification.registeredAddress')}>{values.registeredAddress}</Descriptions.Item>
              <Descriptions.Item label={t('verification.businessScope')} span={2}><span style={{ whiteSpace: 'pre-wrap' }}>{values.businessScope}</span></Descriptions.Item>
              <Descriptions.Item label={t('verification.license')} span={2}>
                {license && <LicensePreview key={license.id} url={license.url} contentType={license.contentType} name={license.name} width={160} />}
              </Descriptions.Item>
            </Descriptions>
          </Space>
        )}
        <Space style={{ marginTop: 24 }}>
          {step > 0 && <Button onClick={() => setStep(step - 1)} data-testid="verification-prev">{t('verification.prev')}</Button>}
          {step < 2 && <Button type="primary" onClick={() => void next()} disabled={step === 1 && uploading} data-testid="verification-next">{t('verification.next')}</Button>}
          {step === 2 && (
            <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="verification-submit">
              {view.status === 'rejected' || view.status === 'revoked' ? t('verification.resubmit') : t('verification.submit')}
            </Button>
          )}
        </Space>
      </Form>
    </Space>
  );
}

export default function VerificationPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const [started, setStarted] = useState(false);
  const view = useQuery({
    queryKey: ['wb', 'verification', company?.id],
    queryFn: () => api<VerificationView>(`/companies/${company!.id}/verification`),
    enabled: Boolean(company),
  });
  if (!company) return <NoCompany />;
  if (view.error) return <ProblemResult error={view.error} onRetry={() => void view.refetch()} />;
  if (!view.data) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  const v = view.data;
  const canSubmit = company.role === 'owner' || company.role === 'admin';
  // The wizard shows straight away after a rejection (prefilled to fix) and for a first request once asked for;
  // an approved company may resubmit (e.g. after a change of address) from the same page.
  const showWizard = canSubmit && v.status !== 'pending' && (v.status === 'rejected' || v.status === 'revoked' || started);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('verification.title')}
        extra={<Link to={`/companies/${company.id}`}>{t('verification.viewProfile')}</Link>}
        data-testid="verification-page"
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div data-testid="verification-status" data-status={v.status}>
            <StatusBlock v={v} canSubmit={canSubmit} />
          </div>
          {v.submission && (v.status === 'pending' || v.status === 'approved') && (
            <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('verification.uscc')}><Typography.Text code>{v.submission.uscc}</Typography.Text></Descriptions.Item>
              <Descriptions.Item label={t('verification.legalName')}>{v.submission.legalName}</Descriptions.Item>
              <Descriptions.Item label={t('verification.legalRepresentative')}>{v.submission.legalRepresentative}</Descriptions.Item>
              <Descriptions.Item label={t('verification.submittedAt')}>{formatDate(v.submission.submittedAt)}</Descriptions.Item>
              {v.status === 'pending' && v.submission.mismatches.length > 0 && (
                <Descriptions.Item label={t('verification.registryCheck')} span={2}>
                  <Space wrap>{v.submission.mismatches.map((m) => <Tag color="red" key={m}>{t(`verification.mismatches.${m}`)}</Tag>)}</Space>
                </Descriptions.Item>
              )}
            </Descriptions>
          )}
          {!canSubmit && v.status !== 'approved' && <Alert type="warning" showIcon title={t('verification.readOnly')} />}
          {canSubmit && !showWizard && v.status !== 'pending' && (
            <div>
              <Button type={v.status === 'none' ? 'primary' : 'default'} size={v.status === 'none' ? 'large' : 'middle'} onClick={() => setStarted(true)} data-testid="verification-start">
                {t(v.status === 'none' ? 'verification.startCta' : v.status === 'approved' ? 'verification.update' : 'verification.resubmit')}
              </Button>
            </div>
          )}
          {showWizard && <Wizard companyId={company.id} view={v} />}
        </Space>
      </Card>
      {(v.status === 'approved' || v.fieldVisits.length > 0) && <FieldVisits visits={v.fieldVisits} />}
    </Space>
  );
}
