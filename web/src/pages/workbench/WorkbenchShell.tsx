import {
  AppstoreOutlined, AuditOutlined, AuditOutlined as RfqIcon, BellOutlined, CrownOutlined, DashboardOutlined, FileTextOutlined, HeartOutlined,
  InboxOutlined, MessageOutlined, ProfileOutlined, SafetyCertificateOutlined, SettingOutlined, ShopOutlined, ShoppingOutlined, SolutionOutlined,
} from '@ant-design/icons';
import { AccountBookOutlined, CarryOutOutlined, ContainerOutlined, CustomerServiceOutlined, ShoppingCartOutlined, WalletOutlined } from '@ant-design/icons';
import '../../i18n/catalog.js';
import '../../i18n/credit.js';
import '../../i18n/favorites.js';
import '../../i18n/inquiries.js';
import '../../i18n/messaging.js';
import '../../i18n/notifications.js';
import '../../i18n/orders.js';
import '../../i18n/rfqs.js';
import '../../i18n/storefront.js';
import '../../i18n/trustpass.js';
import '../../i18n/verification.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Result, Segmented, Select } from 'antd';
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import type { Me, MeCompany } from '../../api.js';
import { api, problemDetail } from '../../api.js';
import { ProLayout } from '../../components/ProLayout.js';
import { companyDisplayName } from '../../format.js';
import { activeCompanyOf, ME_KEY, useMe } from '../../session.js';

export type Side = 'buyer' | 'seller';
const SIDE_KEY = 'tongshang.workbench.side';

/** The side used last; before any, the one the active company's type and the member's role suggest. */
export function rememberedSide(fallback: Side = 'buyer'): Side {
  try {
    const saved = localStorage.getItem(SIDE_KEY);
    return saved === 'seller' || saved === 'buyer' ? saved : fallback;
  } catch {
    return fallback;
  }
}

/** Suppliers' people (a purchaser aside) start on the seller side; a buyer company's on the buyer side. */
export function defaultSide(company: Pick<MeCompany, 'companyType' | 'role'> | null): Side {
  return company && company.companyType !== 'buyer' && company.role !== 'purchaser' ? 'seller' : 'buyer';
}

/** /workbench: the remembered side, or the default for the active company. */
export function WorkbenchHome() {
  const { data: me } = useMe();
  if (!me) return null;
  return <Navigate to={`/workbench/${rememberedSide(defaultSide(activeCompanyOf(me)))}`} replace />;
}
export function rememberSide(side: Side): void {
  try {
    localStorage.setItem(SIDE_KEY, side);
  } catch {
    // ignore
  }
}

interface SideContextValue {
  side: Side;
  hint: (path: string, side: Side) => void;
}
const SideContext = createContext<SideContextValue>({ side: 'buyer', hint: () => undefined });

/** The side the workbench shell currently shows (menu, title). */
export function useWorkbenchSide(): Side {
  return useContext(SideContext).side;
}

/**
 * A detail page that knows which side of the trade the viewer is on (an order, an after-sales request) tells the shell,
 * so the menu matches without changing the remembered side.
 */
export function useSideHint(side: Side | null | undefined): void {
  const { hint } = useContext(SideContext);
  const { pathname } = useLocation();
  useEffect(() => {
    if (side) hint(pathname, side);
  }, [hint, pathname, side]);
}

function CompanySwitcher({ me }: { me: Me }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const active = activeCompanyOf(me);
  const switchTo = useMutation({
    mutationFn: (companyId: string) => api<Me>('/me/active-company', { method: 'PUT', body: { companyId } }),
    onSuccess: async (me2) => {
      qc.setQueryData(ME_KEY, me2);
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'wb' });
      const c = activeCompanyOf(me2);
      if (c) message.success(t('workbench.switchedCompany', { name: companyDisplayName(c) }));
    },
    onError: (e) => message.error(problemDetail(e)),
  });
  if (me.companies.length === 0) return null;
  return (
    <Select
      value={active?.id}
      onChange={(v: string) => switchTo.mutate(v)}
      loading={switchTo.isPending}
      style={{ minWidth: 240, maxWidth: 340 }}
      popupMatchSelectWidth={false}
      aria-label={t('workbench.switchCompany')}
      data-testid="company-switcher"
      options={me.companies.map((c) => ({ value: c.id, label: `${companyDisplayName(c)} · ${t(`roles.${c.role}`)}` }))}
    />
  );
}

export default function WorkbenchShell() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const [hinted, setHinted] = useState<{ path: string; side: Side } | null>(null);
  // Product management and the shop are seller work, so they open the seller side whatever side was used last.
  // Trade pages: sales orders and finance are seller work; the purchase list, checkout, my orders, approvals and credit terms buyer work.
  const tradeSide: Side | null = /^\/workbench\/(sales-orders|finance)(\/|$)/.test(location.pathname)
    ? 'seller'
    : /^\/workbench\/(purchase-list|checkout|orders|approvals|credit-terms)\/?$/.test(location.pathname) ? 'buyer' : null;
  // Pages used by both sides (after-sales, one order) follow ?side= from the link, else what the page learnt from its data.
  const sideParam = new URLSearchParams(location.search).get('side');
  const sharedSide: Side | null = /^\/workbench\/(after-sales|orders\/[^/]+)(\/|$)/.test(location.pathname)
    ? sideParam === 'seller' || sideParam === 'buyer' ? sideParam : hinted?.path === location.pathname ? hinted.side : null
    : null;
  const side: Side = tradeSide ?? sharedSide ?? (location.pathname.startsWith('/workbench/seller') || location.pathname.startsWith('/workbench/products') || location.pathname.startsWith('/workbench/storefront') || location.pathname.startsWith('/workbench/inquiries/received') || location.pathname.startsWith('/workbench/rfq-market') || location.pathname.startsWith('/workbench/quotes')
    ? 'seller'
    : location.pathname.startsWith('/workbench/buyer') || location.pathname.startsWith('/workbench/inquiries/sent') || location.pathname.startsWith('/workbench/rfqs')
      ? 'buyer'
      : rememberedSide(defaultSide(me ? activeCompanyOf(me) : null)));
  if (location.pathname.startsWith('/workbench/seller') || location.pathname.startsWith('/workbench/buyer')) rememberSide(side);
  const sideContext = useMemo<SideContextValue>(() => ({ side, hint: (path, s) => setHinted({ path, side: s }) }), [side]);
  if (!me) return null;
  const menu = [
    { key: `/workbench/${side}`, icon: <DashboardOutlined />, label: t('workbench.dashboard') },
    ...(side === 'seller' ? [{ key: '/workbench/products', icon: <AppstoreOutlined />, label: t('sellerProducts.menu') }] : []),
    ...(side === 'seller'
      ? [
          { key: '/workbench/sales-orders', icon: <ContainerOutlined />, label: t('orders.menu.salesOrders') },
          { key: '/workbench/after-sales?side=seller', icon: <CustomerServiceOutlined />, label: t('orders.menu.afterSales') },
          { key: '/workbench/finance', icon: <WalletOutlined />, label: t('orders.menu.finance') },
        ]
      : [
          { key: '/workbench/purchase-list', icon: <ShoppingCartOutlined />, label: t('orders.menu.purchaseList') },
          { key: '/workbench/orders', icon: <ContainerOutlined />, label: t('orders.menu.orders') },
          { key: '/workbench/approvals', icon: <CarryOutOutlined />, label: t('orders.menu.approvals') },
          { key: '/workbench/after-sales?side=buyer', icon: <CustomerServiceOutlined />, label: t('orders.menu.afterSales') },
          { key: '/workbench/credit-terms', icon: <AccountBookOutlined />, label: t('orders.menu.creditTerms') },
        ]),
    side === 'seller' ? { key: '/workbench/inquiries/received', icon: <InboxOutlined />, label: t('inquiries.menuReceived') } : { key: '/workbench/inquiries/sent', icon: <FileTextOutlined />, label: t('inquiries.menuSent') },
    ...(side === 'seller'
      ? [{ key: '/workbench/rfq-market', icon: <SolutionOutlined />, label: t('rfqs.menuMarket') }, { key: '/workbench/quotes', icon: <ProfileOutlined />, label: t('rfqs.menuQuotes') }]
      : [{ key: '/workbench/rfqs', icon: <RfqIcon />, label: t('rfqs.menuMine') }]),
    ...(side === 'seller' || location.pathname.startsWith('/workbench/storefront') ? [{ key: '/workbench/storefront', icon: <ShopOutlined />, label: t('shopEditor.menu') }] : []),
    ...(side === 'buyer' || location.pathname.startsWith('/workbench/favorites') ? [{ key: '/workbench/favorites', icon: <HeartOutlined />, label: t('favorites.menu') }] : []),
    { key: '/workbench/messages', icon: <MessageOutlined />, label: t('chat.menu') },
    { key: '/workbench/notifications', icon: <BellOutlined />, label: t('notifications.menu') },
    { key: '/workbench/company', icon: <SettingOutlined />, label: t('workbench.companySettings') },
    { key: '/workbench/verification', icon: <AuditOutlined />, label: t('verification.menu') },
    { key: '/workbench/credit', icon: <SafetyCertificateOutlined />, label: t('credit.menu') },
    ...(side === 'seller' || location.pathname.startsWith('/workbench/trustpass') ? [{ key: '/workbench/trustpass', icon: <CrownOutlined />, label: t('trustpass.menu') }] : []),
  ];
  const toolbar = (
    <>
      <Segmented<Side>
        value={side}
        onChange={(v) => {
          rememberSide(v);
          void navigate(`/workbench/${v}`);
        }}
        data-testid="side-switch"
        options={[
          { value: 'buyer', label: t('workbench.toBuyer'), icon: <ShoppingOutlined /> },
          { value: 'seller', label: t('workbench.toSeller'), icon: <ShopOutlined /> },
        ]}
      />
      <CompanySwitcher me={me} />
    </>
  );
  // Menu keys may carry ?side=, so match on their path part.
  const selectedKey = menu
    .map((m) => m.key)
    .filter((k) => {
      const path = k.split('?')[0] ?? k;
      return location.pathname === path || location.pathname.startsWith(`${path}/`);
    })
    .sort((a, b) => b.length - a.length)[0] ?? '';
  return (
    <SideContext.Provider value={sideContext}>
      <ProLayout title={t(`workbench.${side}`)} menu={menu} selectedKey={selectedKey} toolbar={toolbar} />
    </SideContext.Provider>
  );
}

export function NoCompany() {
  const { t } = useTranslation();
  return (
    <Result
      status="info"
      title={t('workbench.noCompany')}
      subTitle={t('workbench.noCompanyHint')}
      extra={
        <>
          <Link to="/companies/new">
            <Button type="primary" data-testid="workbench-create-company">
              {t('workbench.createCompany')}
            </Button>
          </Link>
          <Link to="/">
            <Button>{t('workbench.backToSite')}</Button>
          </Link>
        </>
      }
    />
  );
}
