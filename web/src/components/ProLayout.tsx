import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Space, Typography } from 'antd';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useMe } from '../session.js';
import { Bell } from './Bell.js';
import { LangSwitch } from './LangSwitch.js';
import { Logo } from './Logo.js';
import { PageSkeleton } from './PageSkeleton.js';
import { UserMenu } from './UserMenu.js';

export interface ProMenuItem {
  key: string;
  icon: ReactNode;
  label: string;
}

/** Ant Design "pro"-style shell: dark left menu (a drawer on phones), top bar with tools, content in cards. */
export function ProLayout({ title, menu, selectedKey, toolbar }: { title: string; menu: ProMenuItem[]; selectedKey?: string; toolbar?: ReactNode }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const isDesktop = Boolean(screens.lg);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const { data: me } = useMe();
  const selected =
    selectedKey ??
    menu
      .map((m) => m.key)
      .filter((k) => location.pathname === k || location.pathname.startsWith(`${k}/`))
      .sort((a, b) => b.length - a.length)[0] ??
    '';
  const items: MenuProps['items'] = menu.map((m) => ({ key: m.key, icon: m.icon, label: m.label }));
  const onMenu: MenuProps['onClick'] = ({ key }) => {
    setDrawerOpen(false);
    void navigate(key);
  };
  const menuEl = <Menu theme="dark" mode="inline" selectedKeys={[selected]} items={items} onClick={onMenu} data-testid="pro-menu" />;
  const brand = (
    <div style={{ padding: '14px 16px', borderBottom: '1px solid rgba(255,255,255,0.08)' }}>
      <Logo light />
      <Typography.Text style={{ display: 'block', color: 'rgba(255,255,255,0.65)', fontSize: 12, marginTop: 6 }}>{title}</Typography.Text>
    </div>
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isDesktop && (
        <Layout.Sider width={220} style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}>
          {brand}
          {menuEl}
        </Layout.Sider>
      )}
      {!isDesktop && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={240}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          {brand}
          {menuEl}
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: isDesktop ? '0 24px' : '0 8px',
            height: 'auto',
            minHeight: 56,
            lineHeight: 'normal',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
            flexWrap: 'wrap',
            boxShadow: '0 1px 4px rgba(0,21,41,0.08)',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Space size={8} wrap style={{ paddingBlock: 8 }}>
            {!isDesktop && (
              <>
                <Button icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} aria-label={t('workbench.menu')} data-testid="menu-toggle" />
                <Logo compact />
              </>
            )}
            {toolbar}
          </Space>
          <Space size={4} style={{ paddingBlock: 8 }}>
            <Bell />
            <LangSwitch />
            {me && <UserMenu me={me} />}
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: isDesktop ? 24 : 12 }}>
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
