import { Button, Card, Empty, Input, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Company } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';
import { TrustMarks } from '../../components/TrustMarks.js';
import { formatDate } from '../../format.js';
import { usePaged } from './usePaged.js';

export default function AdminCompanies() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const page = usePaged<Company>(['admin', 'companies'], '/admin/companies', { q: q || undefined });
  return (
    <Card title={t('admin.companies')}>
      <Input.Search allowClear placeholder={t('admin.searchCompanies')} onSearch={(v) => setQ(v.trim())} style={{ maxWidth: 360, marginBottom: 12 }} data-testid="admin-companies-search" />
      <ProblemAlert error={page.error} style={{ marginBottom: 12 }} />
      <Table<Company>
        rowKey="id"
        size="small"
        loading={page.isPending}
        dataSource={page.items}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('admin.noCompanies')} /> }}
        columns={[
          {
            title: t('company.legalName'),
            dataIndex: 'legalName',
            render: (n: string, c) => (
              <>
                <Link to={`/companies/${c.id}`}>{n}</Link>
                {c.nameEn && <div style={{ fontSize: 12, color: '#8c8c8c' }}>{c.nameEn}</div>}
              </>
            ),
          },
          { title: t('company.uscc'), dataIndex: 'uscc', render: (v: string | null) => v ?? t('common.none') },
          { title: t('company.trustMarks'), key: 'marks', render: (_: unknown, c) => <TrustMarks company={c} size="small" /> },
          { title: t('company.industry'), dataIndex: 'industry' },
          { title: t('company.memberCount'), dataIndex: 'memberCount', width: 90 },
          { title: t('company.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v) },
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
