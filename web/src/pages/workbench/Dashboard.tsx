import {
  CustomerServiceOutlined,
  FileSearchOutlined,
  InboxOutlined,
  MessageOutlined,
  AuditOutlined,
  CarOutlined,
  PayCircleOutlined,
  QuestionCircleOutlined,
  TeamOutlined,
  SettingOutlined,
  EyeOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Space, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api.js';
import { FavoriteStatsCard } from '../../components/FavoriteStatsCard.js';
import { ResponseRateCard } from '../../components/ResponseRateCard.js';
import { TopProductsCard } from '../../components/TopProductsCard.js';
import { companyDisplayName } from '../../format.js';
import '../../i18n/orders.js';
import type { OrderCounts } from './orders/model.js';
import { activeCompanyOf, useMe } from '../../session.js';
import type { Side } from './WorkbenchShell.js';
import { NoCompany } from './WorkbenchShell.js';

interface Todo {
  key: string;
  icon: ReactNode;
  color: string;
  /** Where the number comes from; none until the trade issue brings orders, approvals and after-sales. */
  count?: (c: Counts) => number | undefined;
  /** The tile's text key, when not `workbench.<key>`. */
  label?: string;
  link?: string;
}

interface Counts {
  orders?: OrderCounts;
  afterSales?: { buyer: { open: number; awaitingMe: number }; seller: { open: number; awaitingMe: number } };
  inquiries?: { receivedNew: number; sentAwaitingReply: number };
  rfqs?: { myOpenRfqs: number; quotesUnread: number; matchingRfqs: number };
  messages?: { asBuyer: number; asSupplier: number };
}

const SELLER: Todo[] = [
  { key: 'seller_toShip', icon: <CarOutlined />, color: '#F25C05', count: (c) => c.orders?.toShip, link: '/workbench/sales-orders?tab=to_ship' },
  { key: 'seller_newInquiries', icon: <QuestionCircleOutlined />, color: '#1F6FEB', count: (c) => c.inquiries?.receivedNew, link: '/workbench/inquiries/received?status=new' },
  { key: 'seller_matchingRfqs', icon: <FileSearchOutlined />, color: '#722ED1', count: (c) => c.rfqs?.matchingRfqs, link: '/workbench/rfq-market?matching=true' },
  { key: 'seller_unreadMessages', icon: <MessageOutlined />, color: '#13A8A8', count: (c) => c.messages?.asSupplier, link: '/workbench/messages' },
  { key: 'seller_afterSales', icon: <CustomerServiceOutlined />, color: '#CF1322', count: (c) => c.afterSales?.seller.awaitingMe, link: '/workbench/after-sales?side=seller' },
];
const BUYER: Todo[] = [
  { key: 'buyer_toPay', icon: <PayCircleOutlined />, color: '#F25C05', count: (c) => c.orders?.toPay, link: '/workbench/orders?tab=to_pay' },
  { key: 'buyer_toReceive', icon: <InboxOutlined />, color: '#1A7F37', count: (c) => c.orders?.toReceive, link: '/workbench/orders?tab=to_receive' },
  { key: 'buyer_quotesReceived', icon: <FileSearchOutlined />, color: '#1F6FEB', count: (c) => c.rfqs?.quotesUnread, link: '/workbench/rfqs' },
  { key: 'buyer_openRfqs', icon: <FileSearchOutlined />, color: '#722ED1', count: (c) => c.rfqs?.myOpenRfqs, link: '/workbench/rfqs' },
  { key: 'buyer_inquiriesAwaiting', icon: <QuestionCircleOutlined />, color: '#13A8A8', count: (c) => c.inquiries?.sentAwaitingReply, link: '/workbench/inquiries/sent' },
  { key: 'buyer_unreadMessages', icon: <MessageOutlined />, color: '#13A8A8', count: (c) => c.messages?.asBuyer, link: '/workbench/messages' },
  { key: 'buyer_approvalsWaiting', icon: <AuditOutlined />, color: '#722ED1', count: (c) => c.orders?.awaitingApproval, link: '/workbench/approvals' },
  { key: 'buyer_afterSales', label: 'orders.menu.afterSales', icon: <CustomerServiceOutlined />, color: '#CF1322', count: (c) => c.afterSales?.buyer.awaitingMe, link: '/workbench/after-sales?side=buyer' },
];

export default function Dashboard({ side }: { side: Side }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const enabled = !!company;
  // Live numbers of the sourcing screens; each refreshes while the dashboard is open.
  const inquiries = useQuery({ queryKey: ['inquiries', 'counts', company?.id], queryFn: () => api<NonNullable<Counts['inquiries']>>('/inquiries/counts'), enabled, refetchInterval: 60_000 });
  const rfqs = useQuery({ queryKey: ['rfqs', 'counts', company?.id], queryFn: () => api<NonNullable<Counts['rfqs']>>('/rfqs/counts'), enabled, refetchInterval: 60_000 });
  const orders = useQuery({ queryKey: ['wb', 'orders', 'counts', side, company?.id], queryFn: () => api<OrderCounts>('/orders/counts', { query: { companyId: company?.id, side } }), enabled, refetchInterval: 60_000 });
  const afterSales = useQuery({ queryKey: ['wb', 'after-sales', 'counts', company?.id], queryFn: () => api<NonNullable<Counts['afterSales']>>('/after-sales/counts', { query: { companyId: company?.id } }), enabled, refetchInterval: 60_000 });
  const messages = useQuery({ queryKey: ['conversations', 'unread-count', company?.id], queryFn: () => api<NonNullable<Counts['messages']>>('/conversations/unread-count'), enabled, refetchInterval: 60_000 });
  if (!company) return <NoCompany />;
  const todos = side === 'seller' ? SELLER : BUYER;
  const counts: Counts = { orders: orders.data, afterSales: afterSales.data, inquiries: inquiries.data, rfqs: rfqs.data, messages: messages.data };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="workbench-title">
          {t(`workbench.${side}`)}
        </Typography.Title>
        <Typography.Text type="secondary">
          {companyDisplayName(company)} · {t(`roles.${company.role}`)}
        </Typography.Text>
      </div>
      <Card title={t('workbench.todoTitle')} data-testid="todo-dashboard">
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 12 }}>
          {todos.map((todo) => {
            const value = todo.count?.(counts);
            const card = (
              <Card size="small" hoverable={!!todo.link} style={{ background: '#fafafa' }} data-testid={`todo-${todo.key}`}>
                <Statistic
                  title={
                    <Space size={6}>
                      <span style={{ color: todo.color }}>{todo.icon}</span>
                      {t(todo.label ?? `workbench.${todo.key}`)}
                    </Space>
                  }
                  value={todo.count ? (value ?? '…') : '—'}
                />
              </Card>
            );
            return <div key={todo.key}>{todo.link ? <Link to={todo.link}>{card}</Link> : card}</div>;
          })}
        </div>
      </Card>
      {side === 'seller' && (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: 16 }}>
          <ResponseRateCard companyId={company.id} />
          <FavoriteStatsCard companyId={company.id} />
          <TopProductsCard companyId={company.id} />
        </div>
      )}
      <Card title={t('workbench.quickStart')}>
        <Space wrap size={[24, 8]}>
          <Link to="/workbench/company">
            <SettingOutlined /> {t('workbench.quickCompany')}
          </Link>
          <Link to="/workbench/company?tab=members">
            <TeamOutlined /> {t('workbench.quickInvite')}
          </Link>
          <Link to="/workbench/verification" data-testid="quick-verification">
            <SafetyCertificateOutlined /> {t('workbench.quickVerification')}
          </Link>
          <Link to={`/companies/${company.id}`}>
            <EyeOutlined /> {t('workbench.quickProfile')}
          </Link>
        </Space>
      </Card>
    </Space>
  );
}
