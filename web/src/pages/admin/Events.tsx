import { Button, Card, DatePicker, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/Problem.js';
import type { DomainEvent } from '../../api.js';
import { EventTable } from '../workbench/CompanySettings.js';
import { usePaged } from './usePaged.js';

interface Filters {
  companyId?: string;
  type?: string;
  from?: string;
  to?: string;
}

interface FilterForm {
  companyId?: string;
  type?: string;
  range?: [{ toISOString(): string } | null, { toISOString(): string } | null] | null;
}

export default function AdminEvents() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const [form] = Form.useForm<FilterForm>();
  const page = usePaged<DomainEvent>(['admin', 'events'], '/admin/events', { ...filters });
  const apply = (v: FilterForm) => {
    setFilters({
      companyId: v.companyId?.trim() || undefined,
      type: v.type?.trim() || undefined,
      from: v.range?.[0]?.toISOString(),
      to: v.range?.[1]?.toISOString(),
    });
  };
  return (
    <Card title={t('admin.events')}>
      <Form form={form} layout="inline" onFinish={apply} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="companyId">
          <Input placeholder={t('admin.companyId')} allowClear style={{ width: 260 }} data-testid="events-company" />
        </Form.Item>
        <Form.Item name="type">
          <Input placeholder={t('admin.type')} allowClear style={{ width: 220 }} data-testid="events-type" />
        </Form.Item>
        {/* An inline item is as wide as its content: capped, the date-time range fits a phone. */}
        <Form.Item name="range" style={{ maxWidth: '100%', marginInlineEnd: 0 }}>
          <DatePicker.RangePicker showTime style={{ maxWidth: '100%' }} data-testid="events-range" />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="events-filter">
              {t('admin.filter')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <ProblemAlert error={page.error} style={{ marginBottom: 12 }} />
      <EventTable
        items={page.items}
        loading={page.isPending}
        hasMore={page.hasNextPage}
        loadingMore={page.isFetchingNextPage}
        onLoadMore={() => void page.fetchNextPage()}
        emptyText={t('admin.noEvents')}
        showCompany
      />
    </Card>
  );
}
