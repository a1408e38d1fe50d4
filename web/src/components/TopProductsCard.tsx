import { FireOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, List, Row, Skeleton, Statistic, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api.js';
import '../i18n/serviceMetrics.js';
import { currentLang } from '../i18n/index.js';
import { ProblemAlert } from './Problem.js';

interface TopProducts {
  companyId: string;
  windowDays: number;
  buyers: number;
  paidOrders: number;
  items: Array<{ productId: string; titleZh: string; titleEn: string | null; recentBuyers: number; recentOrders: number }>;
}

/** The seller dashboard's best sellers: the supplier's products by buying companies over 90 days (service metrics). */
export function TopProductsCard({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const top = useQuery({
    queryKey: ['wb', 'top-products', companyId],
    queryFn: () => api<TopProducts>(`/companies/${companyId}/top-products`, { query: { limit: 5 } }),
    staleTime: 60_000,
  });
  const title = (
    <Tooltip title={t('serviceMetrics.top.hint')}>
      <FireOutlined style={{ color: '#F25C05', marginRight: 6 }} />
      {t('serviceMetrics.top.title')}
    </Tooltip>
  );
  return (
    <Card size="small" title={title} data-testid="top-products">
      {top.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : top.error ? (
        <ProblemAlert error={top.error} />
      ) : (
        <>
          <Row gutter={12}>
            <Col span={12}>
              <Statistic title={t('serviceMetrics.top.buyers')} value={top.data.buyers} data-testid="top-products-buyers" />
            </Col>
            <Col span={12}>
              <Statistic title={t('serviceMetrics.top.paidOrders')} value={top.data.paidOrders} />
            </Col>
          </Row>
          {top.data.items.length === 0 ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t('serviceMetrics.top.none')}</Typography.Paragraph>
          ) : (
            <List
              size="small"
              style={{ marginTop: 8 }}
              dataSource={top.data.items}
              renderItem={(p, i) => (
                <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid="top-product">
                  <Typography.Text ellipsis style={{ maxWidth: '100%', display: 'block' }}>
                    <Typography.Text type="secondary">{i + 1}. </Typography.Text>
                    <Link to={`/products/${p.productId}`}>{currentLang() === 'en-US' && p.titleEn ? p.titleEn : p.titleZh}</Link>
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('serviceMetrics.top.buyersCount', { count: p.recentBuyers })} · {t('serviceMetrics.top.ordersCount', { count: p.recentOrders })}
                  </Typography.Text>
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Card>
  );
}
