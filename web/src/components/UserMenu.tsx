import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Space } from 'antd';
import type { MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../api.js';
import { problemDetail } from '../api.js';
import { useSignOut } from '../session.js';

export function UserMenu({ me, dark = false }: { me: Me; dark?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { message } = App.useApp();
  const items: MenuProps['items'] = [
    { key: '/workbench/buyer', label: t('workbench.buyer') },
    { key: '/workbench/seller', label: t('workbench.seller') },
    { key: '/account', label: t('common.myAccount') },
    ...(me.user.isOperator ? [{ key: '/admin', label: t('admin.title') }] : []),
    { type: 'divider' as const },
    { key: 'signout', label: t('common.signOut'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'signout') {
      signOut()
        .then(() => {
          message.success(t('auth.signedOut'));
          void navigate('/');
        })
        .catch((e: unknown) => message.error(problemDetail(e)));
      return;
    }
    void navigate(key);
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" size="small" data-testid="user-menu" style={dark ? { color: 'rgba(255,255,255,0.85)' } : undefined}>
        <Space size={4}>
          <Avatar size={20} icon={<UserOutlined />} style={{ background: '#F25C05' }} />
          <span style={{ maxWidth: 120, overflow: 'hidden', textOverflow: 'ellipsis', display: 'inline-block', verticalAlign: 'bottom' }}>{me.user.name}</span>
          <DownOutlined style={{ fontSize: 10 }} />
        </Space>
      </Button>
    </Dropdown>
  );
}
