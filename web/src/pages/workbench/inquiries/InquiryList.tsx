import { FileTextOutlined, PictureOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Empty, Grid, Input, List, Result, Segmented, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Page } from '../../../api.js';
import { api, ProblemError } from '../../../api.js';
import { ProblemResult } from '../../../components/Problem.js';
import { companyDisplayName, formatDateTime, formatMoney } from '../../../format.js';
import { activeCompanyOf, useMe } from '../../../session.js';
import { formatQuantity } from '../../catalog/model.js';
import { NoCompany, rememberSide } from '../WorkbenchShell.js';
import { INQ_KEY, INQUIRY_STATUSES, STATUS_COLORS, subjectOf, useInquiryCounts, type Box, type InquiryListItem, type InquiryStatus } from './model.js';

type Assignee = 'any' | 'me' | 'unassigned';

function Cover({ item }: { item: InquiryListItem }) {
  const url = item.lines[0]?.coverUrl;
  return (
    <div style={{ flex: '0 0 48px', height: 48, background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4, overflow: 'hidden', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      {url ? <img src={url} alt="" style={{ width: '100%', height: '100%', objectFit: 'cover' }} /> : item.lines.length ? <PictureOutlined style={{ color: '#bfbfbf' }} /> : <FileTextOutlined style={{ color: '#bfbfbf', fontSize: 18 }} />}
    </div>
  );
}

function quantityOf(i: InquiryListItem): string {
  if (i.quantity !== null && i.unit) return formatQuantity(i.quantity, i.unit);
  const withQty = i.lines.filter((l) => l.quantity !== null);
  const first = withQty[0];
  if (first && withQty.every((l) => l.unit === first.unit)) return formatQuantity(withQty.reduce((n, l) => n + (l.quantity ?? 0), 0), first.unit);
  return '—';
}

export default function InquiryList({ box }: { box: Box }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const [params, setParams] = useSearchParams();
  const status = INQUIRY_STATUSES.find((s) => s === params.get('status')) ?? null;
  const assignee: Assignee = box === 'received' ? ((['me', 'unassigned'] as const).find((a) => a === params.get('assignee')) ?? 'any') : 'any';
  const q = params.get('q') ?? '';
  const [qInput, setQInput] = useState(q);
  useEffect(() => setQInput(q), [q]);
  // A thread opened from here shows this side's menu.
  useEffect(() => rememberSide(box === 'received' ? 'seller' : 'buyer'), [box]);
  const counts = useInquiryCounts(Boolean(company));
  const list = useInfiniteQuery({
    queryKey: [...INQ_KEY, 'list', company?.id, box, status, assignee, q],
    queryFn: ({ pageParam }) => api<Page<InquiryListItem>>('/inquiries', { query: { box, status, assignee, q, cursor: pageParam, limit: 20 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(company),
    retry: (n, e) => !(e instanceof ProblemError && e.status === 403) && n < 2,
  });
  if (!me) return null;
  if (!company) return <NoCompany />;
  const setFilter = (next: Record<string, string | null>) => {
    const sp = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) sp.set(k, v);
      else sp.delete(k);
    }
    setParams(sp, { replace: true });
  };
  const boxCounts = box === 'sent' ? counts.data?.sent : counts.data?.received;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  // The API sends each company's English name too (nameEn, null when it has none): en-US readers see that one.
  const companyName = (c: { name: string; nameEn?: string | null }) => companyDisplayName({ name: c.name, nameEn: c.nameEn ?? null });
  const counterpart = (i: InquiryListItem) => companyName(box === 'sent' ? i.supplier : i.buyer);
  const turn = (i: InquiryListItem) => {
    if (i.status === 'closed') return null;
    const mine = (box === 'received') === (i.lastSide === 'buyer');
    return mine ? <Tag color="volcano" bordered={false}>{t('inquiries.awaitingYou')}</Tag> : <Tag bordered={false}>{t('inquiries.awaitingThem')}</Tag>;
  };
  const statusTag = (s: InquiryStatus) => <Tag color={STATUS_COLORS[s]} data-testid="inquiry-status">{t(`inquiries.status.${s}`)}</Tag>;

  const columns: TableColumnsType<InquiryListItem> = [
    {
      title: t('inquiries.colSubject'),
      key: 'subject',
      render: (_, i) => (
        <div style={{ display: 'flex', gap: 10, minWidth: 220, maxWidth: 340, whiteSpace: 'normal' }}>
          <Cover item={i} />
          <div style={{ minWidth: 0 }}>
            <Link to={`/workbench/inquiries/${i.id}`} data-testid="inquiry-row-title" style={{ fontWeight: 500 }}>{subjectOf(i)}</Link>
            <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12, maxWidth: 280 }}>{i.messagePreview}</Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: box === 'sent' ? t('inquiries.colCounterpartSupplier') : t('inquiries.colCounterpartBuyer'),
      key: 'counterpart',
      render: (_, i) => (
        <div style={{ maxWidth: 180, whiteSpace: 'normal' }}>
          <div>{counterpart(i)}</div>
          {box === 'received' && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.buyerUser.name}</Typography.Text>}
        </div>
      ),
    },
    {
      title: `${t('inquiries.colQuantity')} / ${t('inquiries.colTarget')}`,
      key: 'qty',
      render: (_, i) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <div>{quantityOf(i)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.targetUnitPrice !== null ? formatMoney(i.targetUnitPrice) : '—'}</Typography.Text>
        </div>
      ),
    },
    {
      title: t('inquiries.colStatus'),
      key: 'status',
      render: (_, i) => (
        <Space direction="vertical" size={2}>
          {statusTag(i.status)}
          {turn(i)}
        </Space>
      ),
    },
    ...(box === 'received'
      ? [{ title: t('inquiries.colAssignee'), key: 'assignee', render: (_: unknown, i: InquiryListItem) => i.assignee?.name ?? <Typography.Text type="secondary">{t('inquiries.unassigned')}</Typography.Text> }]
      : []),
    {
      title: t('inquiries.colUpdated'),
      key: 'updated',
      render: (_, i) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <div>{formatDateTime(i.lastActivityAt)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('inquiries.replies', { count: i.replyCount })}</Typography.Text>
        </div>
      ),
    },
  ];

  const forbidden = list.error instanceof ProblemError && list.error.status === 403;
  const filtered = Boolean(status || q || assignee !== 'any');
  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        filtered ? (
          t('inquiries.emptyFiltered')
        ) : (
          <>
            <Typography.Title level={5} style={{ marginBottom: 4 }}>{t(box === 'sent' ? 'inquiries.emptySent' : 'inquiries.emptyReceived')}</Typography.Title>
            <Typography.Text type="secondary">{t(box === 'sent' ? 'inquiries.emptySentHint' : 'inquiries.emptyReceivedHint')}</Typography.Text>
          </>
        )
      }
    >
      {!filtered && (box === 'sent'
        ? <Button type="primary" onClick={() => void navigate('/search')}>{t('inquiries.findProducts')}</Button>
        : <Button type="primary" onClick={() => void navigate('/workbench/products')}>{t('inquiries.manageProducts')}</Button>)}
    </Empty>
  );

  const tabLabel = (key: 'all' | InquiryStatus) => (
    <span>
      {t(`inquiries.status.${key}`)}
      {boxCounts ? <Badge count={boxCounts[key]} showZero={false} overflowCount={999} color={key === 'new' ? '#F25C05' : '#bfbfbf'} style={{ marginInlineStart: 6 }} /> : null}
    </span>
  );

  return (
    <Card
      title={
        <div style={{ padding: '12px 0 4px', whiteSpace: 'normal' }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="inquiries-title">{t(box === 'sent' ? 'inquiries.titleSent' : 'inquiries.titleReceived')}</Typography.Title>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>{t(box === 'sent' ? 'inquiries.hintSent' : 'inquiries.hintReceived')}</Typography.Text>
        </div>
      }
    >
      {forbidden ? (
        <Result status="403" subTitle={t(box === 'sent' ? 'inquiries.forbiddenSent' : 'inquiries.forbiddenReceived')} />
      ) : (
        <>
          <Tabs
            activeKey={status ?? 'all'}
            onChange={(k) => setFilter({ status: k === 'all' ? null : k })}
            items={(['all', ...INQUIRY_STATUSES] as const).map((k) => ({ key: k, label: tabLabel(k) }))}
            data-testid="inquiry-status-tabs"
          />
          <Space wrap style={{ marginBottom: 12, width: '100%' }}>
            {box === 'received' && (
              <Segmented<Assignee>
                value={assignee}
                onChange={(v) => setFilter({ assignee: v === 'any' ? null : v })}
                data-testid="inquiry-assignee-filter"
                options={[
                  { value: 'any', label: t('inquiries.assigneeFilter.any') },
                  { value: 'me', label: <span>{t('inquiries.assigneeFilter.me')}{counts.data?.receivedMine ? ` ${counts.data.receivedMine}` : ''}</span> },
                  { value: 'unassigned', label: <span>{t('inquiries.assigneeFilter.unassigned')}{counts.data?.receivedUnassigned ? ` ${counts.data.receivedUnassigned}` : ''}</span> },
                ]}
              />
            )}
            <Input.Search
              allowClear
              value={qInput}
              onChange={(e) => setQInput(e.target.value)}
              onSearch={(v) => setFilter({ q: v.trim() || null })}
              placeholder={t('inquiries.search')}
              style={{ width: screens.sm ? 320 : '100%' }}
              data-testid="inquiry-search"
            />
          </Space>
          {list.isPending ? (
            <Skeleton active paragraph={{ rows: 5 }} />
          ) : list.isError ? (
            <ProblemResult error={list.error} onRetry={() => void list.refetch()} />
          ) : items.length === 0 ? (
            empty
          ) : screens.md ? (
            <Table<InquiryListItem> rowKey="id" columns={columns} dataSource={items} pagination={false} size="middle" scroll={{ x: 'max-content' }} data-testid="inquiry-table"
              onRow={(i) => ({ onDoubleClick: () => void navigate(`/workbench/inquiries/${i.id}`) })} />
          ) : (
            <List<InquiryListItem>
              dataSource={items}
              data-testid="inquiry-cards"
              renderItem={(i) => (
                <List.Item style={{ padding: '10px 0' }}>
                  <Link to={`/workbench/inquiries/${i.id}`} style={{ display: 'flex', gap: 10, width: '100%', color: 'inherit' }} data-testid="inquiry-row-title">
                    <Cover item={i} />
                    <div style={{ minWidth: 0, flex: 1 }}>
                      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                        <Typography.Text strong ellipsis>{subjectOf(i)}</Typography.Text>
                        {statusTag(i.status)}
                      </div>
                      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} ellipsis>{counterpart(i)} · {quantityOf(i)}{i.targetUnitPrice !== null ? ` · ${formatMoney(i.targetUnitPrice)}` : ''}</Typography.Text>
                      <Space size={4} style={{ fontSize: 12, color: '#8c8c8c' }}>
                        {turn(i)}
                        <span>{formatDateTime(i.lastActivityAt)}</span>
                        {i.replyCount > 0 && <span>{t('inquiries.replies', { count: i.replyCount })}</span>}
                      </Space>
                    </div>
                  </Link>
                </List.Item>
              )}
            />
          )}
          {list.hasNextPage && (
            <div style={{ textAlign: 'center', marginTop: 16 }}>
              <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('inquiries.loadMore')}</Button>
            </div>
          )}
        </>
      )}
    </Card>
  );
}
