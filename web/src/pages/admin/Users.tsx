import { Button, Card, Empty, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';
import { formatDateTime } from '../../format.js';
import { usePaged } from './usePaged.js';

export default function AdminUsers() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const page = usePaged<AdminUser>(['admin', 'users'], '/admin/users', { q: q || undefined });
  return (
    <Card title={t('admin.users')}>
      <Input.Search allowClear placeholder={t('admin.searchUsers')} onSearch={(v) => setQ(v.trim())} style={{ maxWidth: 360, marginBottom: 12 }} data-testid="admin-users-search" />
      <ProblemAlert error={page.error} style={{ marginBottom: 12 }} />
      <Table<AdminUser>
        rowKey="id"
        size="small"
        loading={page.isPending}
        dataSource={page.items}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('admin.noUsers')} /> }}
        columns={[
          { title: t('auth.name'), dataIndex: 'name', render: (n: string, u) => (u.isOperator ? <>{n} <Tag color="purple">{t('admin.operator')}</Tag></> : n) },
          { title: t('auth.email'), dataIndex: 'email' },
          { title: t('auth.mobile'), dataIndex: 'mobile', render: (m: string | null) => m ?? t('common.none') },
          { title: t('admin.registeredAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: t('admin.lastLogin'), dataIndex: 'lastLoginAt', render: (v: string | null) => formatDateTime(v) },
        ]}
      />
      {page.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button loading={page.isFetchingNextPage} onClick={() => void page.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </Card>
  );
}
