import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, Result, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, problemDetail } from '../api.js';
import { formatDate } from '../format.js';
import '../i18n/credit.js';
import type { VerifyResult } from './credentialTypes.js';

/** Public: anyone checks a credential, pasted or fetched for ?company=<id>. */
export default function VerifyPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const company = params.get('company');
  const [jwt, setJwt] = useState('');
  const verify = useMutation({ mutationFn: (token: string) => api<VerifyResult>('/credentials/verify', { method: 'POST', body: { jwt: token } }) });
  const fetchAndVerify = useMutation({
    mutationFn: async (companyId: string) => {
      const { jwt: token } = await api<{ jwt: string }>(`/companies/${companyId}/credential`);
      setJwt(token);
      return api<VerifyResult>('/credentials/verify', { method: 'POST', body: { jwt: token } });
    },
  });
  const { mutate } = fetchAndVerify;
  useEffect(() => {
    if (company && /^[0-9a-f-]{36}$/.test(company)) mutate(company);
  }, [company, mutate]);
  const result = verify.data ?? fetchAndVerify.data;
  const error = verify.error ?? fetchAndVerify.error;
  const s = result?.subject;
  return (
    <div style={{ maxWidth: 880, margin: '24px auto', padding: '0 16px' }}>
      <Card title={t('verify.title')}>
        <Typography.Paragraph type="secondary">{t('verify.intro')}</Typography.Paragraph>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea rows={5} value={jwt} onChange={(e) => setJwt(e.target.value)} placeholder={t('verify.placeholder')} data-testid="verify-jwt" style={{ fontFamily: 'monospace' }} />
          <Button type="primary" onClick={() => verify.mutate(jwt.trim())} disabled={jwt.trim().length < 10} loading={verify.isPending || fetchAndVerify.isPending} data-testid="verify-submit">{t('verify.submit')}</Button>
          {company && <img src={`/badges/${company}.svg?lang=${i18n.language === 'en-US' ? 'en-US' : 'zh-CN'}`} alt="badge" height={28} />}
        </Space>
      </Card>
      {error && <Alert style={{ marginTop: 16 }} type="error" message={problemDetail(error)} />}
      {result && (
        <Card style={{ marginTop: 16 }} data-testid="verify-result">
          <Result
            style={{ padding: 8 }}
            icon={result.valid ? <CheckCircleFilled style={{ color: '#1A7F37' }} /> : <CloseCircleFilled style={{ color: '#CF1322' }} />}
            title={result.valid ? t('verify.valid') : t('verify.invalid')}
            subTitle={result.reasons.map((r) => t(`verify.reasons.${r}`)).join(' · ')}
          />
          {s && (
            <Descriptions bordered column={1} size="small" title={t('verify.subject')}>
              <Descriptions.Item label={t('verify.legalName')}>{s.legalName}</Descriptions.Item>
              <Descriptions.Item label={t('verify.uscc')}>{s.uscc}</Descriptions.Item>
              <Descriptions.Item label={t('verify.verification')}>{t(`verify.level.${s.verification.level}`)} · {formatDate(s.verification.verifiedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('verify.grade')}>{s.creditRating.grade} ({s.creditRating.score}) · {formatDate(s.creditRating.ratedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('verify.trustpass')}>{s.trustpass.years > 0 ? t('verify.trustpassYears', { years: s.trustpass.years }) : t('verify.none')}</Descriptions.Item>
            </Descriptions>
          )}
        </Card>
      )}
    </div>
  );
}
