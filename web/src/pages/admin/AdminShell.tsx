import { DashboardOutlined, FileTextOutlined, MailOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProLayout } from '../../components/ProLayout.js';
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
      ]}
    />
  );
}
