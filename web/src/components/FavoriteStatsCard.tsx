import { HeartOutlined, LockOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, List, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ProblemError } from '../api.js';
import '../i18n/favorites.js';
import { currentLang } from '../i18n/index.js';
import { ProblemAlert } from './Problem.js';

interface FavoriteStats {
  companyId: string;
  supplierFavorites: number;
  productFavorites: number;
  topProducts: Array<{ productId: string; title: string; titleZh: string; titleEn: string | null; count: number }>;
}

/** The seller dashboard's favorites card: how many buyers saved the shop and its products (never who). */
export function FavoriteStatsCard({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const stats = useQuery({
    queryKey: ['wb', 'favorite-stats', companyId],
    queryFn: () => api<FavoriteStats>(`/companies/${companyId}/favorite-stats`),
    staleTime: 60_000,
    retry: (n, e) => !(e instanceof ProblemError && e.status === 403) && n < 2,
  });
  const forbidden = stats.error instanceof ProblemError && stats.error.status === 403;
  return (
    <Card size="small" title={<><HeartOutlined style={{ color: '#F25C05', marginRight: 6 }} />{t('favorites.stats.title')}</>} data-testid="favorite-stats">
      {stats.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : forbidden ? (
        <Typography.Text type="secondary"><LockOutlined /> {t('favorites.stats.forbidden')}</Typography.Text>
      ) : stats.error ? (
        <ProblemAlert error={stats.error} />
      ) : (
        <>
          <Row gutter={12}>
            <Col span={12}>
              <Statistic title={t('favorites.stats.supplierFavorites')} value={stats.data.supplierFavorites} data-testid="favorite-stats-supplier" />
            </Col>
            <Col span={12}>
              <Statistic title={t('favorites.stats.productFavorites')} value={stats.data.productFavorites} data-testid="favorite-stats-product" />
            </Col>
          </Row>
          {stats.data.topProducts.length === 0 ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t('favorites.stats.none')}</Typography.Paragraph>
          ) : (
            <>
              <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>{t('favorites.stats.topProducts')}</Typography.Text>
              <List
                size="small"
                dataSource={stats.data.topProducts}
                renderItem={(p, i) => (
                  <List.Item extra={<Typography.Text strong>{p.count}</Typography.Text>} style={{ paddingInline: 0 }}>
                    <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
                      <Typography.Text type="secondary">{i + 1}. </Typography.Text>
                      <Link to={`/products/${p.productId}`}>{currentLang() === 'en-US' && p.titleEn ? p.titleEn : p.titleZh}</Link>
                    </Typography.Text>
                  </List.Item>
                )}
              />
            </>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>{t('favorites.stats.privacy')}</Typography.Text>
        </>
      )}
    </Card>
  );
}
