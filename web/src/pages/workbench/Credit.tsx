import { CheckCircleTwoTone, CopyOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Collapse, Empty, Input, Progress, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ProblemError, problemDetail } from '../../api.js';
import { EChart } from '../../components/EChart.js';
import { formatDate, formatDateTime } from '../../format.js';
import '../../i18n/credit.js';
import { activeCompanyOf, useMe } from '../../session.js';
import type { CreditView, VerifyResult } from '../credentialTypes.js';
import { NoCompany } from './WorkbenchShell.js';

const GRADE_COLOR: Record<string, string> = { '1A': '#8c8c8c', '2A': '#1F6FEB', '3A': '#1F6FEB', '4A': '#1A7F37', '5A': '#F25C05' };

function CreditCard({ companyId }: { companyId: string }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language !== 'en-US';
  const credit = useQuery({ queryKey: ['wb', 'credit', companyId, i18n.language], queryFn: () => api<CreditView>(`/companies/${companyId}/credit`) });
  const radar = useMemo(() => {
    const c = credit.data;
    if (!c) return null;
    return {
      tooltip: {},
      radar: { indicator: c.dimensions.map((d) => ({ name: t(`credit.dimensions.${d.key}`), max: d.max })), radius: '65%' },
      series: [{ type: 'radar', data: [{ value: c.dimensions.map((d) => d.points), name: t('credit.score'), areaStyle: { color: 'rgba(31,111,235,0.25)' }, lineStyle: { color: '#1F6FEB' } }] }],
    };
  }, [credit.data, t]);
  const history = useMemo(() => {
    const c = credit.data;
    if (!c) return null;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 40, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: c.history.map((h) => formatDate(h.computedAt)) },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [{ type: 'line', name: t('credit.score'), data: c.history.map((h) => h.score), smooth: true, itemStyle: { color: '#F25C05' }, markLine: { silent: true, symbol: 'none', data: [40, 55, 70, 85].map((y) => ({ yAxis: y })) } }],
    };
  }, [credit.data, t]);
  if (credit.isLoading) return <Card><Skeleton active /></Card>;
  if (credit.error || !credit.data) return <Alert type="error" message={problemDetail(credit.error)} />;
  const c = credit.data;
  const tips = c.factors.filter((f) => f.points < f.max).sort((a, b) => b.max - b.points - (a.max - a.points)).slice(0, 4);
  return (
    <Card title={t('credit.title')} data-testid="credit-card" extra={<Typography.Text type="secondary">{t('credit.version', { version: c.scorecardVersion })} · {t('credit.computedAt', { date: formatDateTime(c.computedAt) })}</Typography.Text>}>
      <Row gutter={[24, 24]}>
        <Col xs={24} md={8}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {c.grade ? (
              <div style={{ fontSize: 56, fontWeight: 700, color: GRADE_COLOR[c.grade], lineHeight: 1 }} data-testid="credit-grade">{c.grade}</div>
            ) : (
              <Alert type="info" showIcon data-testid="credit-no-grade" title={t('credit.noGrade')}
                description={<>{t('credit.noGradeHint')} <Link to="/workbench/verification">{t('credit.goVerify')}</Link></>} />
            )}
            <Statistic title={t('credit.score')} value={c.score} precision={2} suffix="/ 100" />
            {c.dimensions.map((d) => (
              <div key={d.key}>
                <Typography.Text>{t(`credit.dimensions.${d.key}`)}</Typography.Text>
                <Progress percent={Math.round((d.points / d.max) * 100)} format={() => `${d.points}/${d.max}`} strokeColor="#1F6FEB" size="small" />
              </div>
            ))}
          </Space>
        </Col>
        <Col xs={24} md={8}>
          <Typography.Title level={5}>{t('credit.radar')}</Typography.Title>
          {radar && <EChart option={radar} />}
        </Col>
        <Col xs={24} md={8}>
          <Typography.Title level={5}>{t('credit.history')}</Typography.Title>
          {history && <EChart option={history} />}
        </Col>
        <Col span={24}>
          <Typography.Title level={5}>{t('credit.tips')}</Typography.Title>
          {tips.length === 0 ? <Typography.Text type="secondary">{t('credit.noTips')}</Typography.Text> : (
            <ul style={{ paddingLeft: 20, margin: 0 }}>{tips.map((f) => <li key={f.key}>{zh ? f.zh : f.en} <Tag>{`+${(f.max - f.points).toFixed(1)}`}</Tag></li>)}</ul>
          )}
        </Col>
        <Col span={24}>
          <Collapse items={[{
            key: 'factors', label: t('credit.factors'),
            children: (
              <Table size="small" rowKey="key" pagination={false} dataSource={c.factors} columns={[
                { title: t('credit.factor'), render: (_: unknown, f: CreditView['factors'][number]) => <Space><Tag>{t(`credit.dimensions.${f.dimension}`)}</Tag>{zh ? f.zh : f.en}</Space> },
                { title: t('credit.points'), width: 120, render: (_: unknown, f: CreditView['factors'][number]) => `${f.points} / ${f.max}` },
              ]} />
            ),
          }]} />
        </Col>
      </Row>
    </Card>
  );
}

function CredentialCard({ companyId }: { companyId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const credential = useQuery({
    queryKey: ['wb', 'credential', companyId],
    queryFn: () => api<{ jwt: string; issuedAt: string; expiresAt: string }>(`/companies/${companyId}/credential`),
    retry: false,
  });
  const verify = useMutation({ mutationFn: (jwt: string) => api<VerifyResult>('/credentials/verify', { method: 'POST', body: { jwt } }) });
  const origin = window.location.origin;
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const snippet = `<a href="${origin}/verify?company=${companyId}" target="_blank" rel="noopener"><img src="${origin}/badges/${companyId}.svg?lang=${lang}" alt="Tongshang verified company" height="28"></a>`;
  const copy = async (text: string) => {
    await navigator.clipboard.writeText(text);
    message.success(t('credit.copied'));
  };
  const notVerified = credential.error instanceof ProblemError && credential.error.code === 'NO_CREDENTIAL';
  return (
    <Card title={<Space><SafetyCertificateOutlined style={{ color: '#1F6FEB' }} />{t('credit.credential')}</Space>} data-testid="credential-card">
      <Typography.Paragraph type="secondary">{t('credit.credentialHint')}</Typography.Paragraph>
      {credential.isLoading && <Skeleton active />}
      {notVerified && <Empty description={t('credit.noCredential')}><Link to="/workbench/verification"><Button type="primary">{t('credit.goVerify')}</Button></Link></Empty>}
      {credential.error && !notVerified && <Alert type="error" message={problemDetail(credential.error)} />}
      {credential.data && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <div>
            <Typography.Title level={5}>{t('credit.badgePreview')}</Typography.Title>
            <img src={`/badges/${companyId}.svg?lang=${lang}`} alt="badge" height={28} data-testid="badge-preview" />
          </div>
          <div>
            <Typography.Title level={5}>{t('credit.embed')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('credit.embedHint')}</Typography.Paragraph>
            <Input.TextArea value={snippet} readOnly autoSize data-testid="embed-snippet" />
            <Button icon={<CopyOutlined />} style={{ marginTop: 8 }} onClick={() => void copy(snippet)}>{t('credit.copy')}</Button>
          </div>
          <Collapse items={[{ key: 'jwt', label: t('credit.jwt'), children: <Typography.Paragraph copyable={{ text: credential.data.jwt }} style={{ wordBreak: 'break-all', fontFamily: 'monospace', fontSize: 12 }}>{credential.data.jwt}</Typography.Paragraph> }]} />
          <Space wrap>
            <Button type="primary" loading={verify.isPending} onClick={() => verify.mutate(credential.data.jwt)} data-testid="credential-verify">{t('credit.verifyNow')}</Button>
            <Link to={`/verify?company=${companyId}`} target="_blank">{t('credit.publicVerify')}</Link>
            {verify.data && (verify.data.valid
              ? <Tag icon={<CheckCircleTwoTone twoToneColor="#1A7F37" />} color="success">{t('verify.valid')}</Tag>
              : <Tag color="error">{t('verify.invalid')}: {verify.data.reasons.map((r) => t(`verify.reasons.${r}`)).join(', ')}</Tag>)}
          </Space>
        </Space>
      )}
    </Card>
  );
}

export default function CreditPage() {
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  if (!company) return <NoCompany />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <CreditCard companyId={company.id} />
      <CredentialCard companyId={company.id} />
    </Space>
  );
}
