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
import { Alert, Card, Space, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { companyDisplayName } from '../../format.js';
import { activeCompanyOf, useMe } from '../../session.js';
import type { Side } from './WorkbenchShell.js';
import { NoCompany } from './WorkbenchShell.js';

interface Todo {
  key: string;
  icon: ReactNode;
  color: string;
}

const SELLER: Todo[] = [
  { key: 'seller_toShip', icon: <CarOutlined />, color: '#F25C05' },
  { key: 'seller_newInquiries', icon: <QuestionCircleOutlined />, color: '#1F6FEB' },
  { key: 'seller_matchingRfqs', icon: <FileSearchOutlined />, color: '#722ED1' },
  { key: 'seller_unreadMessages', icon: <MessageOutlined />, color: '#13A8A8' },
  { key: 'seller_afterSales', icon: <CustomerServiceOutlined />, color: '#CF1322' },
];
const BUYER: Todo[] = [
  { key: 'buyer_toPay', icon: <PayCircleOutlined />, color: '#F25C05' },
  { key: 'buyer_toReceive', icon: <InboxOutlined />, color: '#1A7F37' },
  { key: 'buyer_quotesReceived', icon: <FileSearchOutlined />, color: '#1F6FEB' },
  { key: 'buyer_approvalsWaiting', icon: <AuditOutlined />, color: '#722ED1' },
];

export default function Dashboard({ side }: { side: Side }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  if (!company) return <NoCompany />;
  const todos = side === 'seller' ? SELLER : BUYER;
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
          {todos.map((todo) => (
            <div key={todo.key}>
              <Card size="small" style={{ background: '#fafafa' }} data-testid={`todo-${todo.key}`}>
                <Statistic
                  title={
                    <Space size={6}>
                      <span style={{ color: todo.color }}>{todo.icon}</span>
                      {t(`workbench.${todo.key}`)}
                    </Space>
                  }
                  value={0}
                />
              </Card>
            </div>
          ))}
        </div>
        <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('workbench.todoNote')} />
      </Card>
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
