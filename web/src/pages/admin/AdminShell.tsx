import { DashboardOutlined, FileTextOutlined, MailOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AccountBookOutlined, CrownOutlined, PayCircleOutlined } from '@ant-design/icons';
import { ProLayout } from '../../components/ProLayout.js';
import '../../i18n/trustpass.js';
import '../../i18n/verification.js';
import { AppstoreOutlined, AuditOutlined, TagsOutlined } from '@ant-design/icons';
import '../../i18n/adminCatalog.js';
import '../../i18n/orders.js';
import { AlertOutlined, BankOutlined, ContainerOutlined, ControlOutlined, CreditCardOutlined, ReconciliationOutlined } from '@ant-design/icons';
import { useMe } from '../../session.js';

export default function AdminShell() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return null;
  if (!me.user.isOperator) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t('admin.forbidden')}
        data-testid="admin-forbidden"
        extra={
          <Link to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  return (
    <ProLayout
      title={t('admin.title')}
      menu={[
        { key: '/admin', icon: <DashboardOutlined />, label: t('admin.overview') },
        { key: '/admin/users', icon: <UserOutlined />, label: t('admin.users') },
        { key: '/admin/companies', icon: <ShopOutlined />, label: t('admin.companies') },
        { key: '/admin/events', icon: <FileTextOutlined />, label: t('admin.events') },
        { key: '/admin/mail', icon: <MailOutlined />, label: t('admin.mail') },
        { key: '/admin/verifications', icon: <AuditOutlined />, label: t('verification.queue') },
        { key: '/admin/categories', icon: <AppstoreOutlined />, label: t('adminCatalog.categories') },
        { key: '/admin/products', icon: <TagsOutlined />, label: t('adminCatalog.products') },
        { key: '/admin/trustpass-plans', icon: <CrownOutlined />, label: t('adminPay.plans') },
        { key: '/admin/payments', icon: <PayCircleOutlined />, label: t('adminPay.payments') },
        { key: '/admin/ledger', icon: <AccountBookOutlined />, label: t('adminPay.ledger') },
        { key: '/admin/orders', icon: <ContainerOutlined />, label: t('orders.admin.orders') },
        { key: '/admin/disputes', icon: <AlertOutlined />, label: t('orders.admin.disputes') },
        { key: '/admin/reconciliation', icon: <ReconciliationOutlined />, label: t('orders.admin.reconciliation') },
        { key: '/admin/credit-lines', icon: <CreditCardOutlined />, label: t('orders.admin.creditLines') },
        { key: '/admin/payouts', icon: <BankOutlined />, label: t('orders.admin.payouts') },
        { key: '/admin/trade-settings', icon: <ControlOutlined />, label: t('orders.admin.tradeSettings') },
      ]}
    />
  );
}
