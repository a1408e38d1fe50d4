import {
  ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EyeInvisibleOutlined, EyeOutlined, HolderOutlined, LinkOutlined, PlusOutlined, ShopOutlined, UploadOutlined, WarningFilled,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Col, DatePicker, Dropdown, Empty, Form, Image, Input, Popconfirm, Result, Row, Select, Skeleton, Space, Switch, Tag, Tooltip, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { DragEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeCompany, Page } from '../../api.js';
import { api, ProblemError, problemDetail } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';
import { currentLang } from '../../i18n/index.js';
import '../../i18n/storefront.js';
import { activeCompanyOf, useMe } from '../../session.js';
import { localizedName, productTitle } from '../catalog/model.js';
import type { EditorSection, EditorView, SectionDataMap, SectionType, ShopView } from '../shop/model.js';
import { emptyData, fileUrl, THEME_COLORS } from '../shop/model.js';
import { NoCompany } from './WorkbenchShell.js';

interface Draft {
  slug: string;
  themeColor: string;
  sections: EditorSection[];
}

/** Field errors from the API grouped by where they belong: the slug, a section (by index), or the layout. */
interface Errors {
  slug: string[];
  sections: Map<number, string[]>;
  layout: string[];
  /** The same messages by the field they name ('sections.3.data.items.0.name'), for the input itself. */
  fields: Map<string, string>;
}
const NO_ERRORS: Errors = { slug: [], sections: new Map(), layout: [], fields: new Map() };
/** Form.Item props showing the API's message for one field of the section being edited, if it has one. */
type FieldError = (subPath: string) => { validateStatus?: 'error'; help?: string };

function errorsOf(err: unknown): Errors {
  if (!(err instanceof ProblemError)) return NO_ERRORS;
  const out: Errors = { slug: [], sections: new Map(), layout: [], fields: new Map() };
  for (const e of err.errors) {
    const field = e.path.replace(/^body\./, '');
    if (!out.fields.has(field)) out.fields.set(field, e.message);
    const m = /^body\.sections\.(\d+)(?:\.|$)/.exec(e.path);
    if (e.path === 'body.slug') out.slug.push(err.detail);
    else if (m) out.sections.set(Number(m[1]), [...(out.sections.get(Number(m[1])) ?? []), e.message]);
    else out.layout.push(e.message);
  }
  if (out.slug.length === 0 && out.sections.size === 0 && out.layout.length === 0 && err.code.startsWith('SLUG_')) out.slug.push(err.detail);
  return out;
}

async function uploadImage(file: File): Promise<string> {
  const fd = new FormData();
  fd.append('file', file);
  const stored = await api<{ id: string }>('/files', { method: 'POST', form: fd, query: { purpose: 'product_image' } });
  return stored.id;
}

function ImageField({ value, onChange, testId, wide = false }: { value: string | null; onChange: (id: string | null) => void; testId: string; wide?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const pick = async (file: File) => {
    setBusy(true);
    try {
      onChange(await uploadImage(file));
    } catch (e) {
      message.error(problemDetail(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space align="start" wrap data-testid={testId}>
      {value && (
        <Image src={fileUrl(value, 400)} preview={{ src: fileUrl(value) }} alt="" width={wide ? 240 : 96} height={wide ? 80 : 96} style={{ objectFit: 'cover', borderRadius: 6, background: '#fafafa' }} />
      )}
      <Space direction="vertical" size={4}>
        <Upload
          accept="image/png,image/jpeg,image/webp"
          showUploadList={false}
          beforeUpload={(file) => {
            void pick(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} size="small" data-testid={`${testId}-upload`}>
            {value ? t('shopEditor.replace') : t('shopEditor.upload')}
          </Button>
        </Upload>
        {value && (
          <Button size="small" type="link" danger onClick={() => onChange(null)} style={{ padding: 0 }}>
            {t('shopEditor.removeImage')}
          </Button>
        )}
      </Space>
    </Space>
  );
}

type Limits = Record<string, number>;

function BannerForm({ data, set }: { data: SectionDataMap['banner']; set: (d: SectionDataMap['banner']) => void }) {
  const { t } = useTranslation();
  return (
    <Form layout="vertical">
      <Form.Item label={t('shopEditor.image')} extra={t('shopEditor.imageHint')}>
        <ImageField value={data.imageFileId} onChange={(imageFileId) => set({ ...data, imageFileId })} testId="banner-image" wide />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label={t('shopEditor.headlineZh')}>
            <Input value={data.headlineZh} maxLength={40} showCount onChange={(e) => set({ ...data, headlineZh: e.target.value })} data-testid="banner-headline-zh" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('shopEditor.headlineEn')}>
            <Input value={data.headlineEn} maxLength={80} showCount onChange={(e) => set({ ...data, headlineEn: e.target.value })} data-testid="banner-headline-en" />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

interface ProductOption {
  id: string;
  titleZh: string;
  titleEn: string | null;
}

function FeaturedForm({ companyId, data, set, limits }: { companyId: string; data: SectionDataMap['featured_products']; set: (d: SectionDataMap['featured_products']) => void; limits: Limits }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const max = limits.maxProducts ?? 12;
  // The catalog's company product list, published only; selected products keep their labels between searches.
  const products = useQuery({
    queryKey: ['wb', 'storefront-products', companyId, q],
    queryFn: () => api<Page<ProductOption>>(`/companies/${companyId}/products`, { query: { status: 'published', q, limit: 50 } }),
  });
  const [known, setKnown] = useState<Map<string, ProductOption>>(new Map());
  useEffect(() => {
    if (products.data) setKnown((prev) => new Map([...prev, ...products.data.items.map((p) => [p.id, p] as const)]));
  }, [products.data]);
  const options = [...known.values()].map((p) => ({ value: p.id, label: productTitle(p) }));
  return (
    <Form layout="vertical">
      <Form.Item label={t('shopEditor.products')} extra={data.productIds.length === 0 ? t('shopEditor.productsAuto', { count: 8 }) : `${data.productIds.length} / ${max}`}>
        <Select<string[]>
          mode="multiple"
          value={data.productIds}
          onChange={(productIds) => set({ productIds: productIds.slice(0, max) })}
          options={options}
          filterOption={false}
          onSearch={setQ}
          loading={products.isFetching}
          placeholder={t('shopEditor.productsPlaceholder')}
          notFoundContent={products.isPending ? undefined : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('shopEditor.noPublished')} />}
          maxCount={max}
          data-testid="featured-products-select"
        />
      </Form.Item>
    </Form>
  );
}

function CategoriesForm({ slug, data, set, limits }: { slug: string; data: SectionDataMap['shop_categories']; set: (d: SectionDataMap['shop_categories']) => void; limits: Limits }) {
  const { t } = useTranslation();
  const shop = useQuery({ queryKey: ['shop', slug], queryFn: () => api<ShopView>(`/shops/${encodeURIComponent(slug)}`) });
  const options = (shop.data?.shopCategories ?? []).map((c) => ({ value: c.categoryId, label: `${localizedName(c)} (${c.count})` }));
  return (
    <Form layout="vertical">
      <Form.Item label={t('shopEditor.categories')} extra={options.length === 0 && !shop.isPending ? t('shopEditor.categoriesEmpty') : undefined}>
        <Select<string[]>
          mode="multiple"
          allowClear
          value={data.categoryIds}
          onChange={(categoryIds) => set({ categoryIds })}
          options={options}
          loading={shop.isPending}
          placeholder={t('shopEditor.categoriesPlaceholder')}
          maxCount={limits.maxCategories ?? 20}
          optionFilterProp="label"
          data-testid="shop-categories-select"
        />
      </Form.Item>
    </Form>
  );
}

function ProfileForm({ data, set, limits }: { data: SectionDataMap['company_profile']; set: (d: SectionDataMap['company_profile']) => void; limits: Limits }) {
  const { t } = useTranslation();
  const max = limits.maxPhotos ?? 6;
  return (
    <Form layout="vertical">
      <Form.Item label={t('shopEditor.textZh')}>
        <Input.TextArea value={data.textZh} maxLength={2000} showCount autoSize={{ minRows: 4, maxRows: 12 }} onChange={(e) => set({ ...data, textZh: e.target.value })} data-testid="profile-text-zh" />
      </Form.Item>
      <Form.Item label={t('shopEditor.textEn')}>
        <Input.TextArea value={data.textEn} maxLength={4000} showCount autoSize={{ minRows: 3, maxRows: 12 }} onChange={(e) => set({ ...data, textEn: e.target.value })} data-testid="profile-text-en" />
      </Form.Item>
      <Form.Item label={`${t('shopEditor.photos')} · ${t('shopEditor.photosCount', { count: data.photoFileIds.length, max })}`}>
        <Space wrap align="start" data-testid="profile-photos">
          {data.photoFileIds.map((id) => (
            <div key={id} style={{ position: 'relative' }}>
              <Image src={fileUrl(id, 160)} preview={{ src: fileUrl(id) }} alt="" width={96} height={72} style={{ objectFit: 'cover', borderRadius: 6 }} />
              <Button size="small" danger type="text" icon={<DeleteOutlined />} aria-label={t('shopEditor.removeImage')} onClick={() => set({ ...data, photoFileIds: data.photoFileIds.filter((x) => x !== id) })} style={{ position: 'absolute', top: 0, right: 0, background: 'rgba(255,255,255,0.85)' }} />
            </div>
          ))}
          {data.photoFileIds.length < max && <ImageField value={null} onChange={(id) => id && set({ ...data, photoFileIds: [...data.photoFileIds, id] })} testId="profile-photo-add" />}
        </Space>
      </Form.Item>
    </Form>
  );
}

function CertificatesForm({ data, set, limits, fieldError }: { data: SectionDataMap['certificates']; set: (d: SectionDataMap['certificates']) => void; limits: Limits; fieldError: FieldError }) {
  const { t } = useTranslation();
  const max = limits.maxItems ?? 10;
  const setItem = (i: number, patch: Partial<SectionDataMap['certificates']['items'][number]>) => set({ items: data.items.map((it, j) => (j === i ? { ...it, ...patch } : it)) });
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="certificates-form">
      {data.items.map((item, i) => (
        <Card key={i} size="small" title={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('shopEditor.certificateN', { n: i + 1 })}</Typography.Text>} extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => set({ items: data.items.filter((_, j) => j !== i) })} aria-label={t('shopEditor.remove')} />}>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item label={t('shopEditor.certName')} layout="vertical" required {...fieldError(`items.${i}.name`)}>
                <Input value={item.name} maxLength={80} onChange={(e) => setItem(i, { name: e.target.value })} data-testid={`cert-${i}-name`} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('shopEditor.certIssuer')} layout="vertical" {...fieldError(`items.${i}.issuer`)}>
                <Input value={item.issuer} maxLength={80} onChange={(e) => setItem(i, { issuer: e.target.value })} data-testid={`cert-${i}-issuer`} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('shopEditor.certValidUntil')} layout="vertical" {...fieldError(`items.${i}.validUntil`)}>
                <DatePicker style={{ width: '100%' }} value={item.validUntil ? dayjs(item.validUntil) : null} onChange={(d) => setItem(i, { validUntil: d ? d.format('YYYY-MM-DD') : null })} data-testid={`cert-${i}-valid`} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('shopEditor.certImage')} layout="vertical">
                <ImageField value={item.imageFileId} onChange={(imageFileId) => setItem(i, { imageFileId })} testId={`cert-${i}-image`} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
      ))}
      <Button icon={<PlusOutlined />} disabled={data.items.length >= max} onClick={() => set({ items: [...data.items, { name: '', issuer: '', validUntil: null, imageFileId: null }] })} data-testid="cert-add">
        {t('shopEditor.addCertificate')} ({data.items.length} / {max})
      </Button>
    </Space>
  );
}

function ContactForm({ data, set, fieldError }: { data: SectionDataMap['contact_card']; set: (d: SectionDataMap['contact_card']) => void; fieldError: FieldError }) {
  const { t } = useTranslation();
  const field = (key: keyof SectionDataMap['contact_card'], max: number) => (
    <Form.Item label={t(`shopEditor.${key}`)} {...fieldError(key)}>
      <Input value={data[key]} maxLength={max} onChange={(e) => set({ ...data, [key]: e.target.value })} data-testid={`contact-${key}`} />
    </Form.Item>
  );
  return (
    <Form layout="vertical">
      <Row gutter={12}>
        <Col xs={24} md={12}>{field('contactName', 40)}</Col>
        <Col xs={24} md={12}>{field('phone', 30)}</Col>
        <Col xs={24} md={12}>{field('email', 120)}</Col>
        <Col xs={24} md={12}>{field('address', 200)}</Col>
      </Row>
    </Form>
  );
}

function SectionForm({ section, onChange, companyId, slug, limits, fieldError }: { section: EditorSection; onChange: (s: EditorSection) => void; companyId: string; slug: string; limits: Limits; fieldError: FieldError }) {
  switch (section.type) {
    case 'banner':
      return <BannerForm data={section.data} set={(data) => onChange({ ...section, data })} />;
    case 'featured_products':
      return <FeaturedForm companyId={companyId} data={section.data} set={(data) => onChange({ ...section, data })} limits={limits} />;
    case 'shop_categories':
      return <CategoriesForm slug={slug} data={section.data} set={(data) => onChange({ ...section, data })} limits={limits} />;
    case 'company_profile':
      return <ProfileForm data={section.data} set={(data) => onChange({ ...section, data })} limits={limits} />;
    case 'certificates':
      return <CertificatesForm data={section.data} set={(data) => onChange({ ...section, data })} limits={limits} fieldError={fieldError} />;
    case 'contact_card':
      return <ContactForm data={section.data} set={(data) => onChange({ ...section, data })} fieldError={fieldError} />;
  }
}

/** One line under the section's name saying what it holds, so the list reads without opening each one. */
function summaryOf(section: EditorSection, t: (key: string, options?: Record<string, unknown>) => string): string {
  const en = currentLang() === 'en-US';
  const empty = t('shopEditor.summaryEmpty');
  switch (section.type) {
    case 'banner':
      return (en ? section.data.headlineEn || section.data.headlineZh : section.data.headlineZh || section.data.headlineEn) || empty;
    case 'featured_products':
      return section.data.productIds.length ? t('shopEditor.summaryProducts', { count: section.data.productIds.length }) : t('shopEditor.summaryAuto');
    case 'shop_categories':
      return section.data.categoryIds.length ? t('shopEditor.summaryCategories', { count: section.data.categoryIds.length }) : t('shopEditor.summaryAllCategories');
    case 'company_profile':
      return (en ? section.data.textEn || section.data.textZh : section.data.textZh || section.data.textEn).slice(0, 60) || t('shopEditor.summaryPhotos', { count: section.data.photoFileIds.length });
    case 'certificates':
      return section.data.items.map((i) => i.name).filter(Boolean).join(' · ') || empty;
    case 'contact_card':
      return [section.data.contactName, section.data.phone].filter(Boolean).join(' · ') || empty;
  }
}

function SectionList({
  draft, setSections, selected, setSelected, errors, rules,
}: { draft: Draft; setSections: (s: EditorSection[]) => void; selected: number; setSelected: (i: number) => void; errors: Errors; rules: EditorView['rules'] }) {
  const { t } = useTranslation();
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const list = draft.sections;
  const move = (from: number, to: number) => {
    if (to < 0 || to >= list.length || from === to) return;
    const next = [...list];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    setSections(next);
    if (selected === from) setSelected(to);
    else if (from < selected && to >= selected) setSelected(selected - 1);
    else if (from > selected && to <= selected) setSelected(selected + 1);
  };
  const counts = new Map<SectionType, number>();
  for (const s of list) counts.set(s.type, (counts.get(s.type) ?? 0) + 1);
  const addable = rules.sections.filter((r) => (counts.get(r.type) ?? 0) < r.maxInstances);
  const full = list.length >= rules.maxSections;
  const add = (type: SectionType) => {
    setSections([...list, { type, visible: true, data: emptyData(type) } as EditorSection]);
    setSelected(list.length);
  };
  return (
    <Card
      size="small"
      title={t('shopEditor.sections')}
      extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('shopEditor.sectionsCount', { count: list.length, max: rules.maxSections })}</Typography.Text>}
      data-testid="section-list"
    >
      <Space direction="vertical" size={6} style={{ width: '100%' }}>
        {list.map((s, i) => {
          const err = errors.sections.get(i);
          const onDrop = (e: DragEvent) => {
            e.preventDefault();
            if (dragFrom !== null) move(dragFrom, i);
            setDragFrom(null);
          };
          return (
            <div
              key={s.id ?? `new-${i}`}
              draggable
              onDragStart={() => setDragFrom(i)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={onDrop}
              onDragEnd={() => setDragFrom(null)}
              onClick={() => setSelected(i)}
              data-testid="section-item"
              data-type={s.type}
              data-visible={s.visible}
              style={{
                display: 'flex', alignItems: 'center', gap: 8, padding: '8px 8px', borderRadius: 6, cursor: 'pointer',
                border: `1px solid ${i === selected ? '#F25C05' : err ? '#ff4d4f' : '#f0f0f0'}`,
                background: i === selected ? '#FFF7F0' : dragFrom === i ? '#fafafa' : '#fff',
                opacity: s.visible ? 1 : 0.6,
              }}
            >
              <Tooltip title={t('shopEditor.dragHint')}>
                <HolderOutlined style={{ cursor: 'grab', color: '#8c8c8c' }} />
              </Tooltip>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Space size={4}>
                  {err && <WarningFilled style={{ color: '#ff4d4f' }} />}
                  <Typography.Text strong>{t(`shopEditor.types.${s.type}`)}</Typography.Text>
                  {!s.visible && <Tag style={{ marginInlineEnd: 0 }}>{t('shopEditor.hidden')}</Tag>}
                </Space>
                <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>{summaryOf(s, t)}</Typography.Text>
              </div>
              <Space size={0} onClick={(e) => e.stopPropagation()}>
                <Tooltip title={s.visible ? t('shopEditor.shown') : t('shopEditor.hidden')}>
                  <Switch
                    size="small"
                    checked={s.visible}
                    checkedChildren={<EyeOutlined />}
                    unCheckedChildren={<EyeInvisibleOutlined />}
                    onChange={(visible) => setSections(list.map((x, j) => (j === i ? { ...x, visible } : x)))}
                    data-testid="section-visible"
                    aria-label={t('shopEditor.shown')}
                  />
                </Tooltip>
                <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('shopEditor.moveUp')} data-testid="section-up" />
                <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={i === list.length - 1} onClick={() => move(i, i + 1)} aria-label={t('shopEditor.moveDown')} data-testid="section-down" />
                <Popconfirm
                  title={t('shopEditor.remove')}
                  onConfirm={() => {
                    setSections(list.filter((_, j) => j !== i));
                    setSelected(Math.max(0, Math.min(selected, list.length - 2)));
                  }}
                >
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('shopEditor.remove')} data-testid="section-remove" />
                </Popconfirm>
              </Space>
            </div>
          );
        })}
        <Dropdown
          disabled={full || addable.length === 0}
          menu={{ items: addable.map((r) => ({ key: r.type, label: t(`shopEditor.types.${r.type}`) })), onClick: ({ key }) => add(key as SectionType) }}
        >
          <Button block icon={<PlusOutlined />} type="dashed" disabled={full || addable.length === 0} data-testid="section-add">
            {full || addable.length === 0 ? t('shopEditor.limitReached') : t('shopEditor.addSection')}
          </Button>
        </Dropdown>
      </Space>
    </Card>
  );
}

const toDraft = (v: EditorView): Draft => ({ slug: v.slug, themeColor: v.themeColor, sections: v.sections });

function Editor({ company, view }: { company: MeCompany; view: EditorView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => toDraft(view));
  const [selected, setSelected] = useState(0);
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(toDraft(view)), [draft, view]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const save = useMutation({
    mutationFn: (d: Draft) => api<EditorView>(`/companies/${company.id}/storefront`, { method: 'PUT', body: d }),
    onSuccess: async (next) => {
      qc.setQueryData(['wb', 'storefront', company.id], next);
      setDraft(toDraft(next));
      setErrors(NO_ERRORS);
      message.success(t('shopEditor.saved'));
      await qc.invalidateQueries({ queryKey: ['shop'] });
    },
    onError: (e) => {
      const found = errorsOf(e);
      setErrors(found);
      const first = [...found.sections.keys()].sort((a, b) => a - b)[0];
      if (first !== undefined) setSelected(first);
      message.error(problemDetail(e));
    },
  });
  const rulesOf = (type: SectionType) => view.rules.sections.find((r) => r.type === type)?.limits ?? {};
  const current = draft.sections[selected];
  const setSections = (sections: EditorSection[]) => setDraft((d) => ({ ...d, sections }));
  const templateName = currentLang() === 'en-US' ? view.rules.nameEn : view.rules.nameZh;

  const hint = (type: SectionType): string => {
    const limits = rulesOf(type);
    return t(`shopEditor.typeHints.${type}`, { max: limits.maxProducts ?? limits.maxCategories ?? limits.maxPhotos ?? limits.maxItems ?? 0 });
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="storefront-editor">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 12, flexWrap: 'wrap' }}>
        <div style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            <ShopOutlined style={{ color: '#F25C05' }} /> {t('shopEditor.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('shopEditor.intro')}</Typography.Text>
        </div>
        <Space wrap>
          {dirty && (
            <>
              <Badge status="warning" text={t('shopEditor.unsaved')} data-testid="storefront-dirty" />
              <Button onClick={() => { setDraft(toDraft(view)); setErrors(NO_ERRORS); }}>{t('shopEditor.discard')}</Button>
            </>
          )}
          <Button icon={<LinkOutlined />} href={`/shop/${view.slug}`} target="_blank" data-testid="storefront-preview">
            {t('shopEditor.preview')}
          </Button>
          <Button type="primary" onClick={() => save.mutate(draft)} loading={save.isPending} disabled={!dirty} data-testid="storefront-save">
            {t('shopEditor.save')}
          </Button>
        </Space>
      </div>

      <Card size="small">
        <Row gutter={[16, 8]} align="top">
          <Col xs={24} lg={14}>
            <Form layout="vertical">
              <Form.Item
                label={t('shopEditor.shopAddress')}
                extra={t('shopEditor.addressHelp')}
                validateStatus={errors.slug.length ? 'error' : undefined}
                help={errors.slug[0]}
                style={{ marginBottom: 0 }}
              >
                <Input
                  prefix={<span style={{ color: '#8c8c8c' }}>/shop/</span>}
                  value={draft.slug}
                  onChange={(e) => {
                    setDraft((d) => ({ ...d, slug: e.target.value.toLowerCase() }));
                    setErrors((er) => ({ ...er, slug: [] }));
                  }}
                  maxLength={40}
                  data-testid="storefront-slug"
                  aria-label={t('shopEditor.shopAddress')}
                />
              </Form.Item>
            </Form>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Typography.Text style={{ display: 'block', marginBottom: 8 }}>{t('shopEditor.themeColor')}</Typography.Text>
            <Space size={6} wrap data-testid="storefront-colors">
              {THEME_COLORS.map((c) => (
                <button
                  key={c}
                  type="button"
                  aria-label={c}
                  aria-pressed={draft.themeColor.toUpperCase() === c}
                  onClick={() => setDraft((d) => ({ ...d, themeColor: c }))}
                  style={{ width: 24, height: 24, borderRadius: 12, background: c, cursor: 'pointer', border: draft.themeColor.toUpperCase() === c ? '3px solid #262626' : '2px solid #fff', boxShadow: '0 0 0 1px #d9d9d9' }}
                />
              ))}
            </Space>
          </Col>
          <Col xs={24} sm={12} lg={4}>
            <Typography.Text style={{ display: 'block', marginBottom: 8 }}>{t('shopEditor.template')}</Typography.Text>
            <Tag color="orange" data-testid="storefront-template">{templateName}</Tag>
          </Col>
        </Row>
      </Card>

      {errors.layout.length > 0 && <Alert type="error" showIcon title={errors.layout.join(';')} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <SectionList draft={draft} setSections={setSections} selected={selected} setSelected={setSelected} errors={errors} rules={view.rules} />
        </Col>
        <Col xs={24} lg={15}>
          {current ? (
            <Card
              size="small"
              title={t('shopEditor.editing', { name: t(`shopEditor.types.${current.type}`) })}
              extra={
                <Switch
                  checked={current.visible}
                  checkedChildren={t('shopEditor.shown')}
                  unCheckedChildren={t('shopEditor.hidden')}
                  onChange={(visible) => setSections(draft.sections.map((x, j) => (j === selected ? { ...x, visible } : x)))}
                />
              }
              data-testid="section-form"
              data-type={current.type}
            >
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{hint(current.type)}</Typography.Paragraph>
              {errors.sections.get(selected) && (
                <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('shopEditor.hasErrors')} description={errors.sections.get(selected)!.join(';')} data-testid="section-errors" />
              )}
              <SectionForm
                key={`${selected}-${current.type}`}
                section={current}
                onChange={(s) => setSections(draft.sections.map((x, j) => (j === selected ? s : x)))}
                companyId={company.id}
                slug={view.slug}
                limits={rulesOf(current.type)}
                fieldError={(sub) => {
                  const help = errors.fields.get(`sections.${selected}.data.${sub}`);
                  return help ? { validateStatus: 'error', help } : {};
                }}
              />
            </Card>
          ) : (
            <Card size="small">
              <Empty description={t('shopEditor.pickSection')} />
            </Card>
          )}
        </Col>
      </Row>
    </Space>
  );
}

function Gate({ children, error }: { children?: ReactNode; error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ProblemError && error.code === 'SHOP_SUPPLIERS_ONLY') {
    return (
      <Result
        status="info"
        title={t('shopEditor.title')}
        subTitle={t('shopEditor.suppliersOnly')}
        extra={<Link to="/workbench/company"><Button type="primary">{t('shopEditor.goCompanySettings')}</Button></Link>}
        data-testid="storefront-suppliers-only"
      />
    );
  }
  if (error instanceof ProblemError && error.status === 403) {
    return <Result status="403" title={t('shopEditor.title')} subTitle={t('shopEditor.roleOnly')} data-testid="storefront-role-only" />;
  }
  return error ? <ProblemAlert error={error} /> : <>{children}</>;
}

function StorefrontBody({ company }: { company: MeCompany }) {
  const q = useQuery({ queryKey: ['wb', 'storefront', company.id], queryFn: () => api<EditorView>(`/companies/${company.id}/storefront`), retry: false });
  if (q.isPending) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  if (q.error) return <Gate error={q.error} />;
  return <Editor company={company} view={q.data} />;
}

export default function StorefrontPage() {
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  if (!company) return <NoCompany />;
  return <StorefrontBody key={company.id} company={company} />;
}
