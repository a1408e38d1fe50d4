import { EditOutlined, MessageOutlined, SafetyCertificateOutlined, ShopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, Row, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Company } from '../api.js';
import { api } from '../api.js';
import { CompanyLogo } from '../components/CompanyCard.js';
import { ProblemResult } from '../components/Problem.js';
import { TrustMarks } from '../components/TrustMarks.js';
import { companyDisplayName, companySecondaryName, formatDate } from '../format.js';
import '../i18n/credit.js';
import '../i18n/verification.js';
import '../i18n/storefront.js';
import { useRegionName } from '../session.js';
import type { VerificationView } from './verificationShared.js';

/** What the public may see of a company's verification: level, date and field visits (the evidence behind 已认证). */
function VerificationFacts({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['company', companyId, 'verification'], queryFn: () => api<VerificationView>(`/companies/${companyId}/verification`) });
  if (!q.data) return null;
  const v = q.data;
  if (!v.verified) {
    return (
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }} data-testid="verification-facts" data-verified="false">
        {t('verification.notVerifiedPublic')}
      </Typography.Paragraph>
    );
  }
  return (
    <Descriptions id="verification" column={1} size="small" style={{ marginTop: 12 }} data-testid="verification-facts" data-verified="true">
      <Descriptions.Item label={t('verification.level')}>
        <Typography.Text style={{ color: '#1F6FEB' }} strong>
          {t(`verify.level.${v.level === 'field' ? 'field' : 'registry'}`)}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('verification.verifiedAt')}>{formatDate(v.verifiedAt)}</Descriptions.Item>
      {v.fieldVisits.map((fv) => (
        <Descriptions.Item key={fv.id} label={t('verification.fieldVisits')}>
          {formatDate(fv.visitedOn)} · {fv.inspector}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

export default function CompanyProfile() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const regionName = useRegionName();
  const q = useQuery({ queryKey: ['company', id], queryFn: () => api<Company>(`/companies/${encodeURIComponent(id)}`) });
  if (q.isPending) return <Skeleton active avatar paragraph={{ rows: 8 }} />;
  if (q.error) return <ProblemResult error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  const secondary = companySecondaryName(c);
  const canEdit = c.myRole === 'owner' || c.myRole === 'admin';
  return (
    <>
      <Card styles={{ body: { padding: 0 } }} style={{ overflow: 'hidden' }}>
        <div style={{ background: 'linear-gradient(90deg,#F25C05 0%,#FF8A3D 100%)', padding: '20px 20px' }}>
          <Row gutter={[16, 12]} align="middle">
            <Col flex="none">
              <div style={{ background: '#fff', borderRadius: 8, padding: 4 }}>
                <CompanyLogo company={c} size={72} />
              </div>
            </Col>
            <Col flex="auto" style={{ minWidth: 0 }}>
              <Typography.Title level={2} style={{ color: '#fff', margin: 0, fontSize: 24 }} data-testid="company-name">
                {companyDisplayName(c)}
              </Typography.Title>
              {secondary && <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }}>{secondary}</Typography.Text>}
              <div style={{ marginTop: 8 }}>
                <TrustMarks company={c} />
              </div>
            </Col>
            <Col flex="none">
              <Space wrap>
                {c.companyType !== 'buyer' && (
                  <Link to={`/shop/${c.id}`}>
                    <Button type="primary" icon={<ShopOutlined />} data-testid="company-shop-link">{t('shop.enter')}</Button>
                  </Link>
                )}
                <Tooltip title={t('common.comingSoon')}>
                  <Button icon={<MessageOutlined />} disabled>
                    {t('company.contact')}
                  </Button>
                </Tooltip>
                {canEdit && (
                  <Link to="/workbench/company">
                    <Button icon={<EditOutlined />}>{t('company.editInWorkbench')}</Button>
                  </Link>
                )}
              </Space>
            </Col>
          </Row>
        </div>
      </Card>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={16}>
          <Card title={t('company.about')} style={{ height: '100%' }}>
            {c.description ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Typography.Paragraph>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('company.noDescription')} />
            )}
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered style={{ marginTop: 16 }}>
              <Descriptions.Item label={t('company.companyType')}>{t(`companyType.${c.companyType}`)}</Descriptions.Item>
              <Descriptions.Item label={t('company.region')}>
                {regionName(c.province)} · {c.city}
              </Descriptions.Item>
              <Descriptions.Item label={t('company.industry')}>{c.industry}</Descriptions.Item>
              <Descriptions.Item label={t('company.memberCount')}>{c.memberCount}</Descriptions.Item>
              <Descriptions.Item label={t('company.uscc')}>{c.uscc ?? t('common.none')}</Descriptions.Item>
              <Descriptions.Item label={t('company.createdAt')}>{formatDate(c.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('company.mainProducts')} span={2}>
                {c.mainProducts.length ? (
                  <Space size={[4, 4]} wrap>
                    {c.mainProducts.map((p) => (
                      <Tag key={p} color="orange">
                        {p}
                      </Tag>
                    ))}
                  </Space>
                ) : (
                  t('common.none')
                )}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card
            title={
              <Space>
                <SafetyCertificateOutlined style={{ color: '#1F6FEB' }} />
                {t('company.trustMarks')}
              </Space>
            }
            style={{ height: '100%' }}
            data-testid="trust-marks-spot"
          >
            <TrustMarks company={c} />
            <VerificationFacts companyId={c.id} />
            <Typography.Text type="secondary">{t('company.joinedPlatform', { date: formatDate(c.createdAt) })}</Typography.Text>
          </Card>
        </Col>
      </Row>
    </>
  );
}
