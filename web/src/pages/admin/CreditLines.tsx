import { SearchOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, Modal, Progress, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Company, Page } from '../../api.js';
import { api } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';
import { companyDisplayName, formatDateTime, formatMoney } from '../../format.js';
import '../../i18n/settlements.js';
import { useDebounced } from '../catalog/model.js';
import type { CreditLine } from '../settlementsShared.js';
import { DATE_STYLE, Money, NUM_STYLE } from '../settlementsShared.js';

/** The console's line: the shared one plus the company's English name (null when it has none). */
type AdminCreditLine = CreditLine & { companyNameEn: string | null };
interface Suggestion { companyId: string; companyName: string; companyNameEn: string | null; grade: string | null; suggestedLimit: number; defaultTermDays: number; line: AdminCreditLine | null }
interface LineForm { limitYuan?: number; status: 'active' | 'frozen'; termDays: number | null; note: string }

const lineCompany = (l: { companyId: string; companyName: string | null; companyNameEn: string | null }) =>
  (l.companyName ? companyDisplayName({ name: l.companyName, nameEn: l.companyNameEn }) : l.companyId.slice(0, 8));

const thousands = (v: number | string | undefined) => (v === undefined || `${v}` === '' ? '' : `${v}`.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

function GradeTag({ grade }: { grade: string | null }) {
  const { t } = useTranslation();
  return grade ? <Tag color="blue">{grade}</Tag> : <Tag>{t('settle.admin.ungraded')}</Tag>;
}

function GrantModal({ companyId, onClose }: { companyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<LineForm>();
  const s = useQuery({ queryKey: ['admin', 'credit-lines', 'suggestion', companyId], queryFn: () => api<Suggestion>(`/admin/credit-lines/${companyId}`) });
  const save = useMutation({
    mutationFn: (v: LineForm) => api<AdminCreditLine>(`/admin/credit-lines/${companyId}`, { method: 'PUT', body: { limit: Math.round((v.limitYuan ?? 0) * 100), status: v.status, termDays: v.termDays ?? null, note: v.note ?? '' } }),
    onSuccess: async () => {
      message.success(t('settle.admin.saved'));
      await qc.invalidateQueries({ queryKey: ['admin', 'credit-lines'] });
      onClose();
    },
  });
  const d = s.data;
  return (
    <Modal open title={d ? t(d.line ? 'settle.admin.adjustTitle' : 'settle.admin.grantTitle', { name: companyDisplayName({ name: d.companyName, nameEn: d.companyNameEn }) }) : t('settle.admin.grant')} onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={save.isPending} okText={t('settle.save')} cancelText={t('settle.cancel')} width={560} loading={s.isPending}
      okButtonProps={{ disabled: !d, id: 'credit-line-save' }}>
      <ProblemAlert error={s.error} style={{ marginBottom: 12 }} />
      {d && (
        <>
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 8 }}>
            <Descriptions.Item label={t('settle.admin.grade')}><GradeTag grade={d.grade} /></Descriptions.Item>
            <Descriptions.Item label={t('settle.admin.suggested')}>
              <Space wrap>
                <Money amount={d.suggestedLimit} strong />
                {d.suggestedLimit > 0 && <Button size="small" onClick={() => form.setFieldValue('limitYuan', d.suggestedLimit / 100)}>{t('settle.admin.useSuggested')}</Button>}
              </Space>
            </Descriptions.Item>
            {d.line && <Descriptions.Item label={t('settle.credit.used')}><Money amount={d.line.used} /> / <Money amount={d.line.limit} /></Descriptions.Item>}
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('settle.admin.suggestedHint')}</Typography.Paragraph>
          {d.line && d.line.used > 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('settle.admin.belowUsedHint', { amount: formatMoney(d.line.used) })} />}
          <Form<LineForm> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}
            // A new line starts empty: a pre-filled ¥0 (an ungraded company's suggestion) was saved as an active line nothing could draw on.
            initialValues={{ limitYuan: d.line ? d.line.limit / 100 : undefined, status: d.line?.status ?? 'active', termDays: d.line?.termDays ?? null, note: d.line?.note ?? '' }}>
            <Form.Item
              name="limitYuan" label={t('settle.admin.limit')} required
              rules={[{ validator: (_, v: number | null | undefined) => (typeof v === 'number' && v > 0 ? Promise.resolve() : Promise.reject(new Error(t('settle.admin.limitPositive')))) }]}
            >
              {/* No min: clamping -5 to 0 hid the mistake; the rule above names it instead. */}
              <InputNumber<number> prefix="¥" precision={2} style={{ width: 240, maxWidth: '100%' }} data-testid="credit-line-limit" placeholder={t('settle.admin.limitPlaceholder')}
                formatter={thousands} parser={(v) => Number((v ?? '').replace(/,/g, ''))} />
            </Form.Item>
            <Form.Item name="termDays" label={t('settle.admin.term')} extra={t('settle.admin.termHint')}>
              <InputNumber<number> min={1} max={180} precision={0} suffix={t('settle.admin.daysUnit')} style={{ width: 240, maxWidth: '100%' }}
                placeholder={t('settle.admin.termPlaceholder', { count: d.defaultTermDays })} data-testid="credit-line-term" />
            </Form.Item>
            <Form.Item name="status" label={t('settle.admin.statusCol')}>
              <Radio.Group options={[{ value: 'active', label: t('settle.admin.active') }, { value: 'frozen', label: t('settle.admin.freeze') }]} optionType="button" />
            </Form.Item>
            <Form.Item name="note" label={t('settle.admin.note')}><Input.TextArea rows={2} maxLength={500} showCount /></Form.Item>
          </Form>
          <ProblemAlert error={save.error} />
        </>
      )}
    </Modal>
  );
}

/** Picks a company by name (operators' company search), to grant it a line. */
function CompanyPicker({ onPick }: { onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q, 300);
  const companies = useQuery({
    queryKey: ['admin', 'companies', 'picker', debounced],
    queryFn: () => api<Page<Company>>('/admin/companies', { query: { q: debounced || undefined, limit: 20 } }),
  });
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={null}
      placeholder={t('settle.admin.findCompany')}
      notFoundContent={companies.isFetching ? undefined : t('settle.admin.noCompanyFound')}
      loading={companies.isFetching}
      style={{ width: '100%', maxWidth: 420 }}
      onChange={(v) => { if (v) onPick(v); }}
      options={(companies.data?.items ?? []).map((c) => ({ value: c.id, label: companyDisplayName(c) }))}
      suffixIcon={<SearchOutlined />}
      data-testid="credit-line-lookup"
    />
  );
}

/** Operators: grant, adjust, freeze buyer credit lines, with the limit suggested from the credit grade. */
export default function AdminCreditLines() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['admin', 'credit-lines'], queryFn: () => api<{ items: AdminCreditLine[]; nextCursor: string | null }>('/admin/credit-lines', { query: { limit: 100 } }) });
  const items = list.data?.items ?? [];
  const overdueCount = items.reduce((s, l) => s + l.overdue.count, 0);
  const columns: TableColumnsType<AdminCreditLine> = [
    {
      title: t('settle.finance.col.company'), key: 'company', render: (_: unknown, l) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/companies/${l.companyId}`}>{lineCompany(l)}</Link>
          {l.note && <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: l.note }}>{l.note}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('settle.admin.limit'), dataIndex: 'limit', align: 'right', render: (v: number) => <Money amount={v} strong /> },
    {
      title: t('settle.credit.used'), dataIndex: 'used', align: 'right', responsive: ['sm'], render: (v: number, l) => (
        <Space orientation="vertical" size={0} style={{ alignItems: 'flex-end' }}>
          <Money amount={v} />
          <Progress percent={l.limit > 0 ? Math.min(100, Math.round((v / l.limit) * 100)) : 0} size={[90, 6]} showInfo={false} strokeColor={l.limit > 0 && v / l.limit > 0.8 ? '#CF1322' : '#F25C05'} />
        </Space>
      ),
    },
    { title: t('settle.credit.available'), dataIndex: 'available', align: 'right', responsive: ['md'], render: (v: number) => <Money amount={v} /> },
    {
      title: t('settle.admin.termCol'), dataIndex: 'termDays', responsive: ['sm'], render: (d: number | null) => (d === null
        ? <Typography.Text type="secondary">{t('settle.admin.termPlatform')}</Typography.Text>
        : <span style={{ ...NUM_STYLE, whiteSpace: 'nowrap' }}>{t('settle.admin.termDays', { count: d })}</span>),
    },
    {
      title: t('settle.admin.grade'), dataIndex: 'suggestedFromGrade', responsive: ['lg'], render: (g: string | null, l) => (
        <Space orientation="vertical" size={0}>
          <GradeTag grade={g} />
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{l.suggestedLimit ? t('settle.admin.suggestedShort', { amount: formatMoney(l.suggestedLimit) }) : t('settle.admin.notSuggested')}</Typography.Text>
        </Space>
      ),
    },
    { title: t('settle.admin.overdue'), key: 'overdue', responsive: ['md'], render: (_: unknown, l) => (l.overdue.count ? <Tag color="red" style={NUM_STYLE}>{l.overdue.count} · {formatMoney(l.overdue.amount)}</Tag> : '—') },
    { title: t('settle.admin.statusCol'), dataIndex: 'status', render: (s: CreditLine['status']) => (s === 'active' ? <Tag color="green">{t('settle.admin.active')}</Tag> : <Tag color="orange">{t('settle.admin.frozenTag')}</Tag>) },
    { title: t('settle.admin.updatedAt'), dataIndex: 'updatedAt', responsive: ['xl'], render: (v: string) => <span style={DATE_STYLE}>{formatDateTime(v)}</span> },
    // Fixed right: where the screen is narrower than the table it scrolls, and this is the row's only action.
    { title: '', key: 'act', width: 80, fixed: 'right', render: (_: unknown, l) => <Button size="small" onClick={() => setEditing(l.companyId)}>{t('settle.admin.adjust')}</Button> },
  ];
  return (
    <Card title={t('settle.admin.creditLines')}>
      <Space orientation="vertical" size={4} style={{ width: '100%', marginBottom: 16 }}>
        <Typography.Text strong>{t('settle.admin.grant')}</Typography.Text>
        <CompanyPicker onPick={setEditing} />
      </Space>
      <ProblemAlert error={list.error} style={{ marginBottom: 12 }} />
      {overdueCount > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('settle.admin.overdueAlert', { count: overdueCount, amount: formatMoney(items.reduce((s, l) => s + l.overdue.amount, 0)) })} />}
      {/*
        A minimum width, as the console's other tables have: at max-content nothing wrapped, and in English the table
        outgrew a 1366 px screen's card, taking the Adjust buttons out of view. Automatic layout: the fixed column would
        otherwise make it fixed, giving every column the same width whatever it holds.
      */}
      <Table<AdminCreditLine>
        rowKey="companyId" size="small" loading={list.isPending} dataSource={items} pagination={false} columns={columns} scroll={{ x: 960 }} tableLayout="auto"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settle.admin.noLines')} /> }}
      />
      {editing && <GrantModal companyId={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
