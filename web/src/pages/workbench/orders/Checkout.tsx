import { CheckCircleFilled, EnvironmentOutlined, SafetyCertificateOutlined, ShopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Form, Input, Radio, Result, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Company } from '../../../api.js';
import { api, ProblemError } from '../../../api.js';
import { ProblemAlert } from '../../../components/Problem.js';
import '../../../i18n/verification.js';
import type { PurchaseListView } from '../../../components/trade/purchaseList.js';
import { PURCHASE_LIST_KEY } from '../../../components/trade/purchaseList.js';
import { currentLang } from '../../../i18n/index.js';
import { activeCompanyOf, useMe, useRegions } from '../../../session.js';
import type { PriceTier, ProductView } from '../../catalog/model.js';
import { productTitle, tierIndexFor, useAttributeText, useCategory } from '../../catalog/model.js';
import { freightIncluded, type QuoteDetail } from '../rfqs/model.js';
import { NoCompany } from '../WorkbenchShell.js';
import type { CompanyCreditLine, InvoiceProfile, OrderAddress, OrderView, PaymentTerms, ServerOrder } from './model.js';
import { itemsOf, money, newIdempotencyKey, partyName, postIdempotent, qty, withCompanyIds } from './model.js';
import { NUM, OrderStatusTag } from './parts.js';

const ADDRESS_KEY = 'tongshang.checkout.address';
const ADDRESS_FIELDS: Array<keyof OrderAddress> = ['name', 'phone', 'province', 'city', 'line'];

/** One row shown at checkout, whatever the source (purchase list, quote, buy now). */
interface Row_ {
  key: string;
  title: string;
  skuLabel: string;
  image: string | null;
  unit: string;
  quantity: number;
  unitPrice: number | null;
  lineTotal: number | null;
  problems: string[];
}
/** One future order: a supplier and its rows. */
interface Group {
  supplier: { id: string; name: string; verified?: boolean };
  rows: Row_[];
  subtotal: number;
  leadTimeDays?: number | null;
}
interface PerOrder {
  note: string;
  invoiceProfileId: string | null;
  paymentTerms: PaymentTerms;
}

function savedAddress(): Partial<OrderAddress> | null {
  try {
    const raw = localStorage.getItem(ADDRESS_KEY);
    return raw ? (JSON.parse(raw) as Partial<OrderAddress>) : null;
  } catch {
    return null;
  }
}
function saveAddress(a: OrderAddress): void {
  try {
    localStorage.setItem(ADDRESS_KEY, JSON.stringify(a));
  } catch {
    // storage unavailable
  }
}

/** `skuId:quantity,skuId:quantity` (the "buy now" link) → items. */
function parseItems(raw: string | null): Array<{ skuId: string; quantity: number }> {
  if (!raw) return [];
  return raw.split(',').flatMap((part) => {
    const [skuId, q] = part.split(':');
    const quantity = Number(q);
    return skuId && Number.isFinite(quantity) && quantity > 0 ? [{ skuId, quantity }] : [];
  });
}

/** The tier unit price at the product's total quantity (a SKU's own tiers override the product's). */
function tierPrice(tiers: PriceTier[], total: number): number | null {
  const i = tierIndexFor(tiers, total);
  return (tiers[Math.max(i, 0)] ?? null)?.unitPrice ?? null;
}

/**
 * /workbench/checkout — confirm orders from the purchase list's selected items (one per supplier), from an accepted
 * quote (?quoteId=), or "buy now" (?product=&items=skuId:qty,…). One Idempotency-Key per visit: a double click or a
 * retry after a lost answer never places twice.
 */
export default function Checkout() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const regions = useRegions();
  const lang = currentLang();
  const [form] = Form.useForm<OrderAddress>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [perOrder, setPerOrder] = useState<Record<string, PerOrder>>({});
  const quoteId = params.get('quoteId');
  const productId = params.get('product');
  const directItems = useMemo(() => parseItems(params.get('items')), [params]);
  const mode: 'quote' | 'direct' | 'list' = quoteId ? 'quote' : productId && directItems.length ? 'direct' : 'list';
  const enabled = Boolean(company);

  const list = useQuery({
    queryKey: [PURCHASE_LIST_KEY, 'checkout', company?.id],
    queryFn: () => api<PurchaseListView>('/purchase-list', { query: { companyId: company?.id } }),
    enabled: enabled && mode === 'list',
  });
  const quote = useQuery({ queryKey: ['wb', 'quote', quoteId], queryFn: () => api<QuoteDetail>(`/quotes/${quoteId}`), enabled: enabled && mode === 'quote' });
  const product = useQuery({ queryKey: ['product', productId], queryFn: () => api<ProductView>(`/products/${productId}`), enabled: enabled && mode === 'direct' });
  const attributeText = useAttributeText(useCategory(product.data?.categoryId).data?.attributes);
  const seller = useQuery({
    queryKey: ['company', product.data?.companyId],
    queryFn: () => api<Company>(`/companies/${product.data?.companyId}`),
    enabled: Boolean(product.data?.companyId),
  });
  const profiles = useQuery({
    queryKey: ['wb', 'invoice-profiles', company?.id],
    queryFn: () => api<{ items: InvoiceProfile[] }>('/invoice-profiles', { query: { companyId: company?.id } }),
    enabled,
    retry: false,
  });
  const credit = useQuery({
    queryKey: ['wb', 'credit-line', company?.id],
    queryFn: () => api<CompanyCreditLine>(`/companies/${company?.id}/credit-line`),
    enabled,
    retry: false,
  });
  const buyerCompany = useQuery({ queryKey: ['company', company?.id], queryFn: () => api<Company>(`/companies/${company?.id}`), enabled });

  // Where the goods come from, and whether the address form is on the page yet (it is not while that loads).
  const source = mode === 'list' ? list : mode === 'quote' ? quote : product;
  const formShown = Boolean(company) && !source.isLoading && !source.error;
  // The address: the last one used here, else the member and the company's region. Filled once the form is
  // mounted (values set before are lost), field by field so nothing the buyer typed is overwritten.
  useEffect(() => {
    if (!me || !formShown) return;
    const saved = savedAddress();
    const prefill: Partial<OrderAddress> = {
      name: saved?.name ?? me.user.name,
      phone: saved?.phone ?? me.user.mobile ?? '',
      province: saved?.province ?? buyerCompany.data?.province ?? undefined,
      city: saved?.city ?? buyerCompany.data?.city ?? '',
      line: saved?.line ?? '',
    };
    const current = form.getFieldsValue(true) as Partial<OrderAddress>;
    form.setFieldsValue(Object.fromEntries(Object.entries(prefill).filter(([k, v]) => {
      const name = k as keyof OrderAddress;
      return v !== undefined && v !== '' && !form.isFieldTouched(name) && !current[name];
    })));
  }, [me, buyerCompany.data, form, formShown]);

  const groups: Group[] = useMemo(() => {
    if (mode === 'list') {
      return (list.data?.groups ?? [])
        .map((g) => {
          const items = g.items.filter((i) => i.selected);
          return {
            supplier: { id: g.supplier.id, name: lang === 'en-US' && g.supplier.nameEn ? g.supplier.nameEn : g.supplier.name, verified: g.supplier.verified },
            rows: items.map((i) => ({
              key: i.id, title: lang === 'en-US' && i.titleEn ? i.titleEn : i.titleZh || i.title, skuLabel: lang === 'en-US' ? i.skuLabelEn : i.skuLabel, image: i.image, unit: i.unit,
              quantity: i.quantity, unitPrice: i.unitPrice, lineTotal: i.lineTotal, problems: i.problems,
            })),
            subtotal: items.reduce((s, i) => s + (i.lineTotal ?? 0), 0),
            leadTimeDays: items.reduce<number | null>((m, i) => (i.leadTimeDays === null ? m : Math.max(m ?? 0, i.leadTimeDays)), null),
          };
        })
        .filter((g) => g.rows.length > 0);
    }
    if (mode === 'quote' && quote.data) {
      const q = quote.data;
      return [{
        supplier: { id: q.supplier.id, name: lang === 'en-US' && q.supplier.nameEn ? q.supplier.nameEn : q.supplier.name, verified: q.supplier.verified },
        rows: [{ key: q.id, title: q.rfq.title, skuLabel: '', image: null, unit: q.atQuantity.unit, quantity: q.atQuantity.quantity, unitPrice: q.atQuantity.unitPrice, lineTotal: q.atQuantity.total, problems: [] }],
        subtotal: q.atQuantity.total,
        leadTimeDays: q.leadTimeDays,
      }];
    }
    if (mode === 'direct' && product.data) {
      const p = product.data;
      const total = directItems.reduce((s, i) => s + i.quantity, 0);
      const rows = directItems.map((i) => {
        const sku = p.skus.find((s) => s.id === i.skuId);
        const price = tierPrice(sku?.priceTiers?.length ? sku.priceTiers : p.priceTiers, total);
        const problems = [...(!sku || p.status !== 'published' ? ['unavailable'] : []), ...(sku && i.quantity > sku.stock ? ['above_stock'] : []), ...(total < p.moq ? ['below_moq'] : [])];
        return {
          key: i.skuId, title: productTitle(p), skuLabel: sku ? Object.entries(sku.attributes).map(([k, v]) => attributeText(k, v)).join(' / ') : '', image: p.images[0]?.thumbnails['160'] ?? p.images[0]?.url ?? null,
          unit: p.unit, quantity: i.quantity, unitPrice: price, lineTotal: price === null ? null : Math.round(price * i.quantity), problems,
        };
      });
      const name = seller.data ? (lang === 'en-US' && seller.data.nameEn ? seller.data.nameEn : seller.data.legalName) : '…';
      return [{ supplier: { id: p.companyId, name }, rows, subtotal: rows.reduce((s, r) => s + (r.lineTotal ?? 0), 0), leadTimeDays: p.leadTimeDays }];
    }
    return [];
  }, [mode, list.data, quote.data, product.data, seller.data, directItems, lang, attributeText]);

  const defaultProfile = itemsOf(profiles.data).find((p) => p.isDefault && !p.archived)?.id ?? null;
  const order = (supplierId: string): PerOrder => perOrder[supplierId] ?? { note: '', invoiceProfileId: defaultProfile, paymentTerms: 'escrow' };
  const setOrder = (supplierId: string, patch: Partial<PerOrder>) => setPerOrder((m) => ({ ...m, [supplierId]: { ...order(supplierId), ...patch } }));
  const line = credit.data?.line ?? null;
  const creditOk = line !== null && line.status === 'active' && (credit.data?.overdue.count ?? 0) === 0;
  const termDays = line?.termDays ?? credit.data?.defaultTermDays ?? null;
  const creditFor = (g: Group) => creditOk && line !== null && line.available >= g.subtotal;
  const hasProblems = groups.some((g) => g.rows.some((r) => r.problems.length > 0));
  const grandTotal = groups.reduce((s, g) => s + g.subtotal, 0);

  const place = useMutation({
    mutationFn: async (address: OrderAddress) => {
      saveAddress(address);
      if (mode === 'quote' && quoteId) {
        const g = groups[0];
        const o = g ? order(g.supplier.id) : null;
        return postIdempotent<{ orders: ServerOrder[] }>('/checkout/quote', {
          quoteId, address, invoiceProfileId: o?.invoiceProfileId ?? null, ...(o?.note.trim() ? { note: o.note.trim() } : {}), paymentTerms: o?.paymentTerms ?? 'escrow',
        }, idempotencyKey, me?.csrfToken);
      }
      return postIdempotent<{ orders: ServerOrder[] }>('/checkout', {
        companyId: company?.id,
        ...(mode === 'direct' ? { items: directItems } : {}),
        address,
        orders: groups.map((g) => {
          const o = order(g.supplier.id);
          return { supplierCompanyId: g.supplier.id, ...(o.note.trim() ? { note: o.note.trim() } : {}), invoiceProfileId: o.invoiceProfileId, paymentTerms: o.paymentTerms };
        }),
      }, idempotencyKey, me?.csrfToken);
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === PURCHASE_LIST_KEY || q.queryKey[0] === 'wb' });
    },
  });

  if (!company) return <NoCompany />;
  if (place.data) return <Placed orders={place.data.orders.map((o) => withCompanyIds<OrderView>(o))} />;
  if (source.error) return <Card><ProblemAlert error={source.error} /></Card>;
  if (source.isLoading) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  // Back to where the goods were chosen: the product (order now), the quote, or the purchase list.
  const back = mode === 'direct' && productId ? (
    <Link to={`/products/${productId}`}><Button type="primary">{t('orders.checkout.backToProduct')}</Button></Link>
  ) : mode === 'quote' ? (
    <Link to="/workbench/rfqs"><Button type="primary">{t('rfqs.menuMine')}</Button></Link>
  ) : (
    <Link to="/workbench/purchase-list"><Button type="primary">{t('orders.checkout.backToList')}</Button></Link>
  );
  if (!groups.length) {
    return (
      <Card title={t('orders.checkout.title')}>
        <Empty description={mode === 'direct' ? t('orders.checkout.emptyDirect') : mode === 'quote' ? t('orders.checkout.emptyQuote') : t('orders.checkout.empty')}>
          {back}
        </Empty>
      </Card>
    );
  }

  const rowColumns: TableColumnsType<Row_> = [
    {
      title: t('orders.col.goods'), render: (_, r) => (
        <Space size={8} align="start">
          {r.image ? <img src={r.image} alt="" width={44} height={44} style={{ objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }} /> : null}
          <div>
            <div>{r.title}</div>
            {r.skuLabel && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.skuLabel}</Typography.Text>}
            {r.problems.map((p) => <Tag key={p} color="red" style={{ marginInlineStart: 4 }}>{t(`orders.checkout.problem.${p}`, { defaultValue: p })}</Tag>)}
          </div>
        </Space>
      ),
    },
    { title: t('orders.col.unitPrice'), width: 120, align: 'right', render: (_, r) => <span style={NUM}>{money(r.unitPrice)}</span> },
    { title: t('orders.col.quantity'), width: 120, align: 'right', render: (_, r) => <span style={NUM}>{qty(r.quantity, r.unit)}</span> },
    { title: t('orders.col.lineTotal'), width: 130, align: 'right', render: (_, r) => <b style={NUM}>{money(r.lineTotal)}</b> },
  ];
  const invoiceOptions = [
    { value: '', label: t('orders.checkout.noInvoice') },
    ...itemsOf(profiles.data).filter((p) => !p.archived).map((p) => ({ value: p.id, label: `${p.title}${p.kind === 'vat_special' ? ` · ${t('orders.checkout.vatSpecial')}` : ''}` })),
  ];

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="checkout">
      <Card size="small">
        <Space direction="vertical" size={2}>
          <Typography.Title level={4} style={{ margin: 0 }}>{t('orders.checkout.title')}</Typography.Title>
          <Typography.Text type="secondary">
            {mode === 'quote' ? t('orders.checkout.fromQuote') : mode === 'direct' ? t('orders.checkout.direct') : t('orders.checkout.fromList', { count: groups.length })}
          </Typography.Text>
        </Space>
      </Card>
      <Card size="small" title={<Space><EnvironmentOutlined />{t('orders.checkout.address')}</Space>}>
        <Form form={form} layout="vertical" requiredMark={false} data-testid="checkout-address">
          <Row gutter={12}>
            <Col xs={24} sm={12} md={6}>
              <Form.Item name="name" label={t('orders.checkout.name')} rules={[{ required: true, whitespace: true, message: t('orders.checkout.required') }]}>
                <Input maxLength={50} data-testid="address-name" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item name="phone" label={t('orders.checkout.phone')} rules={[{ required: true, message: t('orders.checkout.required') }, { pattern: /^[0-9+\-() ]{5,30}$/, message: t('orders.checkout.phoneInvalid') }]}>
                <Input maxLength={30} data-testid="address-phone" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item name="province" label={t('orders.checkout.province')} rules={[{ required: true, message: t('orders.checkout.required') }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }} loading={regions.isPending} data-testid="address-province"
                  options={(regions.data ?? []).map((r) => ({ value: r.code, label: lang === 'en-US' ? r.en : r.zh }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item name="city" label={t('orders.checkout.city')} rules={[{ required: true, whitespace: true, message: t('orders.checkout.required') }]}>
                <Input maxLength={50} data-testid="address-city" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="line" label={t('orders.checkout.line')} rules={[{ required: true, whitespace: true, message: t('orders.checkout.required') }]} style={{ marginBottom: 0 }}>
                <Input maxLength={200} data-testid="address-line" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {hasProblems && (
        <Alert
          type="error" showIcon title={mode === 'direct' ? t('orders.checkout.problemsDirect') : t('orders.checkout.problems')}
          action={mode === 'direct' && productId
            ? <Link to={`/products/${productId}`}><Button size="small">{t('orders.checkout.backToProduct')}</Button></Link>
            : <Link to="/workbench/purchase-list"><Button size="small">{t('orders.checkout.backToList')}</Button></Link>}
        />
      )}
      {groups.map((g) => {
        const o = order(g.supplier.id);
        return (
          <Card
            key={g.supplier.id} size="small" data-testid="checkout-group" data-supplier-id={g.supplier.id}
            title={
              <Space size={6}>
                <ShopOutlined />
                <Link to={`/companies/${g.supplier.id}`} target="_blank">{g.supplier.name}</Link>
                {g.supplier.verified && <Tag color="#1F6FEB" icon={<SafetyCertificateOutlined />}>{t('verification.verifiedMark')}</Tag>}
              </Space>
            }
            extra={g.leadTimeDays ? <Typography.Text type="secondary">{t('orders.checkout.leadTime', { days: g.leadTimeDays })}</Typography.Text> : null}
            styles={{ body: { padding: 0 } }}
          >
            <Table<Row_> rowKey="key" size="small" columns={rowColumns} dataSource={g.rows} pagination={false} scroll={{ x: 560 }} />
            <div style={{ padding: 12, borderTop: '1px solid #f0f0f0', display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: 12, alignItems: 'start' }}>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('orders.checkout.invoice')}</Typography.Text>
                <Select
                  style={{ width: '100%' }} value={o.invoiceProfileId ?? ''} options={invoiceOptions} loading={profiles.isLoading} data-testid="checkout-invoice"
                  onChange={(v: string) => setOrder(g.supplier.id, { invoiceProfileId: v || null })}
                />
                <Link to="/workbench/invoice-profiles" style={{ fontSize: 12 }}>{t('orders.checkout.manageInvoices')}</Link>
              </div>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('orders.checkout.note')}</Typography.Text>
                <Input.TextArea
                  value={o.note} onChange={(e) => setOrder(g.supplier.id, { note: e.target.value })} maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }}
                  placeholder={t('orders.checkout.notePlaceholder')} data-testid="checkout-note"
                />
              </div>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('orders.checkout.terms')}</Typography.Text>
                <div>
                  <Radio.Group value={o.paymentTerms} onChange={(e) => setOrder(g.supplier.id, { paymentTerms: e.target.value as PaymentTerms })} data-testid="checkout-terms">
                    <Radio value="escrow">{t('orders.terms.escrow')}</Radio>
                    <Radio value="credit_terms" disabled={!creditFor(g)}>{t('orders.terms.credit_terms')}</Radio>
                  </Radio.Group>
                </div>
                {line && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {creditOk
                      ? [t('orders.checkout.creditAvailable', { amount: money(line.available) }), termDays !== null ? t('orders.checkout.creditTerm', { count: termDays }) : null].filter(Boolean).join(' · ')
                      : t('orders.checkout.creditBlocked', { reason: line.status === 'frozen' ? t('orders.checkout.creditFrozen') : t('orders.checkout.creditOverdue') })}
                  </Typography.Text>
                )}
              </div>
              <div style={{ textAlign: 'right' }}>
                <div><Typography.Text type="secondary">{t('orders.checkout.subtotal')}</Typography.Text> <b style={{ ...NUM, fontSize: 16 }} data-testid="checkout-subtotal">{money(g.subtotal)}</b></div>
                {/* A quote on freight-included terms is final; otherwise the supplier may still add freight. */}
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="checkout-freight">
                  {mode === 'quote' && quote.data && freightIncluded(quote.data.shippingTerms) ? t('orders.checkout.freightIncluded') : t('orders.checkout.freightTbd')}
                </Typography.Text>
              </div>
            </div>
          </Card>
        );
      })}
      <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 5, boxShadow: '0 -2px 8px rgba(0,0,0,0.06)' }}>
        <ProblemAlert error={place.error} style={{ marginBottom: 8 }} />
        {place.error instanceof ProblemError && place.error.errors.length > 0 && (
          <ul style={{ margin: '0 0 8px', paddingInlineStart: 20, fontSize: 12, color: '#cf1322' }}>
            {place.error.errors.map((e) => <li key={`${e.path}${e.message}`}>{e.message}</li>)}
          </ul>
        )}
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, justifyContent: 'flex-end', alignItems: 'center' }}>
          <Typography.Text type="secondary">{t('orders.checkout.ordersCount', { count: groups.length })}</Typography.Text>
          <span>
            {t('orders.checkout.grandTotal')}: <b style={{ ...NUM, fontSize: 22, color: '#F25C05' }} data-testid="checkout-total">{money(grandTotal)}</b>
          </span>
          <Button
            type="primary" size="large" loading={place.isPending} disabled={place.isPending || hasProblems} data-testid="checkout-submit"
            onClick={() => {
              // A rejection means invalid fields, which the form already marks: nothing more to do with it.
              form.validateFields().then(
                (v) => place.mutate({ ...v, name: v.name.trim(), city: v.city.trim(), line: v.line.trim(), phone: v.phone.trim() }),
                () => form.scrollToField(ADDRESS_FIELDS.find((n) => form.getFieldError(n).length > 0) ?? 'name', { block: 'center' }),
              ).catch(() => undefined);
            }}
          >
            {place.isPending ? t('orders.checkout.submitting') : t('orders.checkout.submit')}
          </Button>
        </div>
      </Card>
    </Space>
  );
}

/** After placing: the orders made, each with its status and a way to pay. */
function Placed({ orders }: { orders: OrderView[] }) {
  const { t } = useTranslation();
  const needApproval = orders.some((o) => o.status === 'awaiting_approval');
  return (
    <Card data-testid="checkout-placed">
      <Result
        icon={<CheckCircleFilled style={{ color: '#1A7F37' }} />}
        title={t('orders.checkout.placed', { count: orders.length })}
        subTitle={t('orders.checkout.resultSub')}
        extra={<Link to="/workbench/orders"><Button>{t('orders.checkout.viewOrders')}</Button></Link>}
      />
      {needApproval && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('orders.checkout.approvalNotice')} />}
      <Table<OrderView>
        rowKey="id" size="small" pagination={false} dataSource={orders}
        columns={[
          { title: t('orders.col.number'), render: (_, o) => <Link to={`/workbench/orders/${o.id}`} data-testid="placed-order">{o.number}</Link> },
          { title: t('orders.col.supplier'), render: (_, o) => partyName(o.supplier) },
          { title: t('orders.col.total'), align: 'right', render: (_, o) => <b style={NUM}>{money(o.total)}</b> },
          { title: t('orders.col.status'), render: (_, o) => <OrderStatusTag status={o.status} /> },
          {
            title: t('orders.col.actions'), render: (_, o) => (o.actions.includes('pay')
              ? <Link to={`/workbench/orders/${o.id}`}><Button type="primary" size="small">{t('orders.checkout.payNow')}</Button></Link>
              : <Link to={`/workbench/orders/${o.id}`}>{t('orders.view')}</Link>),
          },
        ]}
      />
    </Card>
  );
}
