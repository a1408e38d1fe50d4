import { useQuery } from '@tanstack/react-query';
import { Button, Card, Drawer, Empty, Skeleton, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailDetail, MailEntry } from '../../api.js';
import { api } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';
import { formatDateTime } from '../../format.js';
import { usePaged } from './usePaged.js';

function MailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['admin', 'mail', id], queryFn: () => api<MailDetail>(`/admin/mail/${encodeURIComponent(id ?? '')}`), enabled: Boolean(id) });
  const pre = { whiteSpace: 'pre-wrap' as const, wordBreak: 'break-all' as const, fontSize: 12, background: '#fafafa', padding: 12, borderRadius: 6, margin: 0 };
  return (
    <Drawer open={Boolean(id)} onClose={onClose} size={720} title={q.data?.subject ?? t('admin.mail')} data-testid="mail-drawer">
      {q.isPending ? (
        <Skeleton active />
      ) : q.error ? (
        <ProblemAlert error={q.error} />
      ) : (
        <>
          <p>
            {t('admin.to')}: <b>{q.data.to}</b> · {formatDateTime(q.data.sentAt)}
          </p>
          <Tabs
            items={[
              { key: 'text', label: t('admin.text'), children: <pre style={pre} data-testid="mail-text">{q.data.text}</pre> },
              { key: 'eml', label: t('admin.raw'), children: <pre style={pre}>{q.data.eml}</pre> },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

export default function AdminMail() {
  const { t } = useTranslation();
  const page = usePaged<MailEntry>(['admin', 'mail'], '/admin/mail', {});
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Card title={t('admin.mail')}>
      <ProblemAlert error={page.error} style={{ marginBottom: 12 }} />
      <Table<MailEntry>
        rowKey="id"
        size="small"
        loading={page.isPending}
        dataSource={page.items}
        pagination={false}
        scroll={{ x: 700 }}
        onRow={(m) => ({ onClick: () => setOpen(m.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('admin.noMail')} /> }}
        data-testid="mail-table"
        columns={[
          { title: t('admin.sentAt'), dataIndex: 'sentAt', width: 170, render: (v: string) => formatDateTime(v) },
          { title: t('admin.to'), dataIndex: 'to', render: (v: string) => <Tag>{v}</Tag> },
          { title: t('admin.subject'), dataIndex: 'subject', ellipsis: true },
        ]}
      />
      {page.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button loading={page.isFetchingNextPage} onClick={() => void page.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
      <MailDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
