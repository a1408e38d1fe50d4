import { Button, Col, Grid, Layout, Row, Space, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useMe } from '../session.js';
import { Bell } from './Bell.js';
import { LangSwitch } from './LangSwitch.js';
import { Logo } from './Logo.js';
import { PageSkeleton } from './PageSkeleton.js';
import { SearchBox } from './SearchBox.js';
import { UserMenu } from './UserMenu.js';
import { PurchaseListBadge } from './trade/PurchaseListBadge.js';

export function TopBar() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <div style={{ background: '#f0f0f0', borderBottom: '1px solid #e5e5e5', fontSize: 12 }}>
      <div style={{ maxWidth: 1200, margin: '0 auto', padding: '2px 12px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
        <Space size={4} wrap>
          {me ? (
            <>
              <UserMenu me={me} />
              <Link to="/workbench/buyer">
                <Button type="link" size="small" data-testid="header-workbench">
                  {t('common.workbench')}
                </Button>
              </Link>
            </>
          ) : (
            <>
              <Link to="/login">
                <Button type="link" size="small" data-testid="header-signin">
                  {t('common.signIn')}
                </Button>
              </Link>
              <Link to="/register">
                <Button type="link" size="small" data-testid="header-register">
                  {t('header.freeRegister')}
                </Button>
              </Link>
            </>
          )}
        </Space>
        <Space size={4}>
          {me && <PurchaseListBadge />}
          <Bell />
          <LangSwitch />
        </Space>
      </div>
    </div>
  );
}

export function PublicHeader() {
  const screens = Grid.useBreakpoint();
  return (
    <div style={{ background: '#fff', borderBottom: '2px solid #F25C05' }}>
      <div style={{ maxWidth: 1200, margin: '0 auto', padding: screens.md ? '14px 12px' : '10px 12px' }}>
        <Row gutter={[24, 8]} align="middle" wrap>
          <Col flex="none">
            <Logo />
          </Col>
          <Col flex="auto" style={{ display: 'flex', justifyContent: screens.md ? 'flex-start' : 'stretch', minWidth: 0 }}>
            <SearchBox />
          </Col>
        </Row>
      </div>
    </div>
  );
}

export function Footer() {
  const { t } = useTranslation();
  return (
    <Layout.Footer style={{ background: '#262626', color: 'rgba(255,255,255,0.65)', padding: '24px 12px', marginTop: 32 }}>
      <div style={{ maxWidth: 1200, margin: '0 auto' }}>
        <Row gutter={[16, 12]} align="middle" justify="space-between">
          <Col xs={24} md={12}>
            <Logo light />
            <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.65)', margin: '8px 0 0' }}>{t('footer.tagline')}</Typography.Paragraph>
          </Col>
          <Col xs={24} md={12}>
            <Space wrap size={16} style={{ justifyContent: 'flex-end', width: '100%' }}>
              <span>{t('footer.about')}</span>
              <span>{t('footer.rules')}</span>
              <span>{t('footer.help')}</span>
              <a href="/api/docs" style={{ color: 'rgba(255,255,255,0.85)' }}>
                {t('footer.api')}
              </a>
              <span>{t('footer.copyright')}</span>
            </Space>
          </Col>
        </Row>
      </div>
    </Layout.Footer>
  );
}

export function PublicLayout() {
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f6f7' }}>
      <TopBar />
      <PublicHeader />
      <Layout.Content style={{ width: '100%', maxWidth: 1200, margin: '0 auto', padding: '16px 12px' }}>
        <Suspense fallback={<PageSkeleton />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Footer />
    </Layout>
  );
}
