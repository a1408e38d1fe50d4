import {
  CrownOutlined,
  FileSearchOutlined,
  GoldOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  ShoppingCartOutlined,
  ProfileOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Avatar, Button, Card, Col, Empty, Grid, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Company, Page } from '../api.js';
import { api } from '../api.js';
import { CompanyCard } from '../components/CompanyCard.js';
import { ProblemAlert } from '../components/Problem.js';
import { companyDisplayName } from '../format.js';
import { activeCompanyOf, useMe } from '../session.js';
import { CategoryMenu } from '../components/CategoryMenu.js';
import type { PublicRfq } from '../components/PublicRfqCard.js';
import { PublicRfqTile } from '../components/PublicRfqCard.js';
import { localizedName, useCategoryTree } from './catalog/model.js';

function ProgramBand() {
  const { t } = useTranslation();
  const programs = [
    { key: 'powerMerchants', icon: <CrownOutlined />, color: '#F25C05', bg: 'linear-gradient(135deg,#FFF1E8 0%,#FFE0CC 100%)' },
    { key: 'steelMarket', icon: <GoldOutlined />, color: '#1F6FEB', bg: 'linear-gradient(135deg,#EAF2FF 0%,#D6E6FF 100%)' },
    { key: 'guarantees', icon: <SafetyCertificateOutlined />, color: '#1A7F37', bg: 'linear-gradient(135deg,#E9F7EE 0%,#D3F0DD 100%)' },
  ] as const;
  return (
    <Row gutter={[12, 12]} style={{ height: '100%' }}>
      {programs.map((p, i) => (
        <Col key={p.key} xs={24} sm={i === 0 ? 24 : 12}>
          <Card size="small" style={{ background: p.bg, border: 'none', height: '100%', minHeight: i === 0 ? 150 : 110 }} data-testid={`program-${p.key}`}>
            <Space align="start" size={12}>
              <span style={{ fontSize: i === 0 ? 36 : 26, color: p.color }}>{p.icon}</span>
              <div>
                <Space size={6} wrap>
                  <Typography.Title level={i === 0 ? 3 : 5} style={{ margin: 0, color: p.color }}>
                    {t(`home.${p.key}`)}
                  </Typography.Title>
                  <Tag color="default">{t('common.comingSoon')}</Tag>
                </Space>
                <Typography.Paragraph style={{ margin: '6px 0 0', color: '#595959' }}>{t(`home.${p.key}Desc`)}</Typography.Paragraph>
              </div>
            </Space>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function UserCard() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  const company = activeCompanyOf(me);
  const shortcuts = [
    { key: 'purchaseList', icon: <ShoppingCartOutlined />, to: '/workbench/buyer' },
    { key: 'orders', icon: <ProfileOutlined />, to: '/workbench/buyer' },
    { key: 'messages', icon: <MessageOutlined />, to: '/workbench/seller' },
  ] as const;
  return (
    <Card size="small" style={{ height: '100%' }} data-testid="user-card">
      {isPending ? (
        <Skeleton active avatar />
      ) : (
        <>
          <div style={{ display: 'flex', alignItems: 'center', gap: 10, marginBottom: 12 }}>
            <Avatar size={44} icon={<UserOutlined />} style={{ background: me ? '#F25C05' : '#d9d9d9' }} />
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong style={{ display: 'block' }}>
                {me ? t('home.signedInAs', { name: me.user.name }) : t('home.welcome')}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                {me ? (company ? t('home.activeCompany', { name: companyDisplayName(company) }) : t('home.noCompanyYet')) : t('home.guestHint')}
              </Typography.Text>
            </div>
          </div>
          {me ? (
            company ? (
              <Row gutter={8}>
                <Col span={12}>
                  <Link to="/workbench/buyer">
                    <Button block>{t('home.buyerWorkbench')}</Button>
                  </Link>
                </Col>
                <Col span={12}>
                  <Link to="/workbench/seller">
                    <Button block type="primary">
                      {t('home.sellerWorkbench')}
                    </Button>
                  </Link>
                </Col>
              </Row>
            ) : (
              <Link to="/companies/new">
                <Button block type="primary">
                  {t('home.createCompany')}
                </Button>
              </Link>
            )
          ) : (
            <Row gutter={8}>
              <Col span={12}>
                <Link to="/login">
                  <Button block type="primary">
                    {t('common.signIn')}
                  </Button>
                </Link>
              </Col>
              <Col span={12}>
                <Link to="/register">
                  <Button block>{t('common.register')}</Button>
                </Link>
              </Col>
            </Row>
          )}
          <Row gutter={8} style={{ marginTop: 14, textAlign: 'center' }}>
            {shortcuts.map((s) => (
              <Col span={8} key={s.key}>
                <Link to={me ? s.to : '/login'} style={{ color: '#595959', display: 'block' }}>
                  <div style={{ fontSize: 20, color: '#F25C05' }}>{s.icon}</div>
                  <div style={{ fontSize: 12 }}>{t(`home.${s.key}`)}</div>
                </Link>
              </Col>
            ))}
          </Row>
        </>
      )}
    </Card>
  );
}

function FeaturedSuppliers() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['companies', 'featured'],
    queryFn: () => api<Page<Company>>('/companies', { query: { role: 'supplier', limit: 6 } }),
  });
  return (
    <Card
      title={t('home.featuredSuppliers')}
      extra={<Link to="/search?type=suppliers">{t('home.viewAll')}</Link>}
      style={{ marginTop: 16 }}
      data-testid="featured-suppliers"
    >
      {q.isPending ? (
        <Skeleton active />
      ) : q.error ? (
        <ProblemAlert error={q.error} />
      ) : q.data.items.length === 0 ? (
        <Empty description={t('home.suppliersEmpty')}>
          <Link to="/companies/new">
            <Button type="primary">{t('home.createCompany')}</Button>
          </Link>
        </Empty>
      ) : (
        <Row gutter={[12, 12]}>
          {q.data.items.map((c) => (
            <Col key={c.id} xs={24} sm={12} lg={8}>
              <CompanyCard company={c} />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}

/** Every top-level category with its sub-categories as links: the browsing entry below the fold (and on phones, where the menu is a list). */
function CategoryShowcase() {
  const { t } = useTranslation();
  const tree = useCategoryTree();
  if (tree.isPending) return <Card style={{ marginTop: 16 }}><Skeleton active /></Card>;
  if (tree.error) return <ProblemAlert error={tree.error} style={{ marginTop: 16 }} />;
  return (
    <Card title={t('catalog.showcase')} style={{ marginTop: 16 }} data-testid="category-showcase">
      <Row gutter={[16, 16]}>
        {tree.data.map((top) => (
          <Col key={top.id} xs={24} sm={12} lg={6}>
            <Link to={`/c/${top.id}`} style={{ fontWeight: 600, fontSize: 15, color: '#F25C05' }} data-testid="showcase-category">
              {localizedName(top)}
            </Link>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 12px', marginTop: 6 }}>
              {(top.children ?? []).flatMap((l2) => [l2, ...(l2.children ?? []).slice(0, 2)]).slice(0, 9).map((c) => (
                <Link key={c.id} to={`/c/${c.id}`} style={{ color: c.level === 2 ? '#262626' : '#8c8c8c', fontSize: 13 }}>
                  {localizedName(c)}
                </Link>
              ))}
            </div>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** 最新求购: the newest open public RFQs — buyers' needs are content too (UI.md). */
function LatestRfqs() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const q = useQuery({
    queryKey: ['public-rfqs', 'latest'],
    queryFn: () => api<Page<PublicRfq>>('/rfqs', { query: { scope: 'market', limit: 8 } }),
  });
  return (
    <Card
      title={
        <Space>
          <FileSearchOutlined style={{ color: '#F25C05' }} />
          {t('publicRfqs.homeTitle')}
        </Space>
      }
      extra={<Link to="/rfqs" data-testid="latest-rfqs-more">{t('publicRfqs.more')}</Link>}
      style={{ marginTop: 16 }}
      data-testid="latest-rfqs"
    >
      {q.isPending ? (
        <Skeleton active />
      ) : q.error ? (
        <ProblemAlert error={q.error} />
      ) : q.data.items.length === 0 ? (
        <Empty description={<>{t('publicRfqs.empty')}<br />{t('publicRfqs.emptyHint')}</>} data-testid="latest-rfqs-empty">
          <Link to="/workbench/rfqs/new">
            <Button type="primary">{t('publicRfqs.post')}</Button>
          </Link>
        </Empty>
      ) : (
        <Row gutter={[12, 12]}>
          {/* Phones get the four newest (a long column of tiles buries the category showcase); "more" leads to the rest. */}
          {q.data.items.slice(0, screens.md ? 8 : 4).map((r) => (
            <Col key={r.id} xs={24} md={12} xl={6}>
              <PublicRfqTile rfq={r} evenTitles={Boolean(screens.md)} />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}

export default function Home() {
  return (
    <>
      <Row gutter={[12, 12]} align="stretch">
        <Col xs={24} md={7} lg={5}>
          <CategoryMenu />
        </Col>
        <Col xs={24} md={17} lg={13}>
          <ProgramBand />
        </Col>
        <Col xs={24} lg={6}>
          <UserCard />
        </Col>
      </Row>
      <FeaturedSuppliers />
      <LatestRfqs />
      <CategoryShowcase />
    </>
  );
}
