import { ArrowLeftOutlined, DeleteOutlined, LeftOutlined, LoadingOutlined, MinusCircleOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Cascader, Checkbox, Col, Empty, Form, Input, InputNumber, Result, Row, Select, Skeleton, Space, Switch, Table, Tag, Typography, Upload } from 'antd';
import type { FormInstance } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Company } from '../../api.js';
import { api, ProblemError, problemDetail } from '../../api.js';
import { ProblemAlert, ProblemResult } from '../../components/Problem.js';
import { activeCompanyOf, useMe, useRegions } from '../../session.js';
import { currentLang } from '../../i18n/index.js';
import type { AttributeDefinition, AttributeValue, CategoryNode, PriceTier, ProductImage, ProductView } from '../catalog/model.js';
import { attributeName, optionLabel, UNITS, unitLabel, useCategory, useCategoryTree } from '../catalog/model.js';
import { StatusTag } from './Products.js';
import { NoCompany } from './WorkbenchShell.js';

// ---- form model -------------------------------------------------------------------------------------------

interface TierRow {
  minQuantity: number | null;
  unitPrice: number | null; // 元, converted to 分 on save
}
interface FormValues {
  titleZh: string;
  titleEn?: string;
  descriptionZh?: string;
  descriptionEn?: string;
  attributes: Record<string, AttributeValue | null | undefined>;
  skuAxes: Record<string, string[] | undefined>;
  priceTiers: TierRow[];
  unit: string;
  leadTimeDays: number | null;
  sampleOffered: boolean;
  sampleUnitPrice?: number | null;
  sampleMaxQuantity?: number | null;
  origin?: string;
  dispatchProvince?: string;
}
interface SkuRowState {
  id?: string;
  code?: string | null;
  stock: number | null;
  /** The stock loaded from the server: sent back so an unchanged stock does not undo orders placed while editing. */
  stockSeen?: number;
  /** A flat price override in 元; null → the product's tiers. */
  price: number | null;
  /** Several override tiers (from an import) kept as they are unless the seller types a flat price. */
  tiers?: PriceTier[];
}
interface Combo {
  key: string;
  attributes: Record<string, string>;
}
interface UploadedImage {
  fileId: string;
  url: string;
  thumb: string;
}
interface UploadResponse {
  id: string;
  url: string;
  thumbnails?: Partial<Record<'160' | '400' | '800', string>>;
}

const toFen = (yuan: number) => Math.round(yuan * 100);
const toYuan = (fen: number) => fen / 100;

function comboKey(axes: AttributeDefinition[], attrs: Record<string, string>): string {
  return axes.map((a) => `${a.key}=${attrs[a.key] ?? ''}`).join('|');
}

/** Every combination of the ticked SKU values, in the template's option order. */
function combos(axes: AttributeDefinition[], picked: Record<string, string[] | undefined>): Combo[] {
  if (axes.length === 0) return [{ key: '', attributes: {} }];
  let acc: Array<Record<string, string>> = [{}];
  for (const axis of axes) {
    const chosen = new Set(picked[axis.key] ?? []);
    const values = (axis.options ?? []).map((o) => o.value).filter((v) => chosen.has(v));
    if (values.length === 0) return [];
    acc = acc.flatMap((a) => values.map((v) => ({ ...a, [axis.key]: v })));
  }
  return acc.map((attributes) => ({ key: comboKey(axes, attributes), attributes }));
}

function pathTo(tree: CategoryNode[] | undefined, id: string | null): string[] {
  const walk = (nodes: CategoryNode[] | undefined, trail: string[]): string[] | null => {
    for (const n of nodes ?? []) {
      const here = [...trail, n.id];
      if (n.id === id) return here;
      const deeper = walk(n.children, here);
      if (deeper) return deeper;
    }
    return null;
  };
  return id ? (walk(tree, []) ?? [id]) : [];
}

interface CascaderOption {
  value: string;
  label: string;
  children?: CascaderOption[];
}
function cascaderOptions(nodes: CategoryNode[] | undefined): CascaderOption[] {
  return (nodes ?? []).map((n) => ({
    value: n.id,
    label: currentLang() === 'en-US' && n.nameEn ? n.nameEn : n.nameZh,
    ...(n.children?.length ? { children: cascaderOptions(n.children) } : {}),
  }));
}

function fromProduct(p: ProductView, axes: AttributeDefinition[]): { values: FormValues; rows: Record<string, SkuRowState> } {
  const skuAxes: Record<string, string[]> = {};
  for (const axis of axes) skuAxes[axis.key] = [...new Set(p.skus.map((s) => s.attributes[axis.key]).filter((v): v is string => Boolean(v)))];
  const rows: Record<string, SkuRowState> = {};
  for (const s of p.skus) {
    const flat = s.priceTiers?.length === 1 ? s.priceTiers[0] : undefined;
    rows[comboKey(axes, s.attributes)] = {
      id: s.id,
      code: s.code ?? null,
      stock: s.stock,
      stockSeen: s.stock,
      price: flat ? toYuan(flat.unitPrice) : null,
      tiers: s.priceTiers && s.priceTiers.length > 1 ? s.priceTiers : undefined,
    };
  }
  return {
    values: {
      titleZh: p.titleZh,
      titleEn: p.titleEn ?? '',
      descriptionZh: p.descriptionZh,
      descriptionEn: p.descriptionEn ?? '',
      attributes: { ...p.attributes },
      skuAxes,
      priceTiers: p.priceTiers.map((t) => ({ minQuantity: t.minQuantity, unitPrice: toYuan(t.unitPrice) })),
      unit: p.unit,
      leadTimeDays: p.leadTimeDays,
      sampleOffered: Boolean(p.sample),
      sampleUnitPrice: p.sample ? toYuan(p.sample.unitPrice) : null,
      sampleMaxQuantity: p.sample?.maxQuantity ?? null,
      origin: p.origin ?? '',
      dispatchProvince: p.dispatchProvince,
    },
    rows,
  };
}

const EMPTY_VALUES: FormValues = {
  titleZh: '',
  attributes: {},
  skuAxes: {},
  priceTiers: [{ minQuantity: 1, unitPrice: null }],
  unit: 'piece',
  leadTimeDays: 7,
  sampleOffered: false,
};

/** The request body of POST/PATCH /products (docs/catalog-contract.md, ProductView's writable part). */
function toBody(categoryId: string, v: FormValues, attributes: AttributeDefinition[], rows: Record<string, SkuRowState>, images: UploadedImage[]) {
  const axes = attributes.filter((a) => a.definesSku);
  const tiers: PriceTier[] = (v.priceTiers ?? [])
    .filter((r): r is { minQuantity: number; unitPrice: number } => r.minQuantity !== null && r.unitPrice !== null)
    .map((r) => ({ minQuantity: r.minQuantity, unitPrice: toFen(r.unitPrice) }));
  const moq = tiers[0]?.minQuantity ?? 1;
  const productAttributes: Record<string, AttributeValue> = {};
  for (const def of attributes) {
    if (def.definesSku) continue;
    const value = v.attributes?.[def.key];
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && (value[0] === null || value[1] === null)) continue;
    productAttributes[def.key] = value;
  }
  const skus = combos(axes, v.skuAxes ?? {}).map((c) => {
    const row = rows[c.key];
    const priceTiers = row?.price !== null && row?.price !== undefined ? [{ minQuantity: moq, unitPrice: toFen(row.price) }] : row?.tiers;
    return {
      ...(row?.id ? { id: row.id } : {}),
      ...(row?.code ? { code: row.code } : {}),
      attributes: c.attributes,
      stock: row?.stock ?? 0,
      ...(row?.stockSeen !== undefined ? { stockSeen: row.stockSeen } : {}),
      ...(priceTiers ? { priceTiers } : {}),
    };
  });
  return {
    categoryId,
    titleZh: v.titleZh?.trim() ?? '',
    titleEn: v.titleEn?.trim() || null,
    descriptionZh: v.descriptionZh?.trim() ?? '',
    descriptionEn: v.descriptionEn?.trim() || null,
    imageIds: images.map((i) => i.fileId),
    attributes: productAttributes,
    skus,
    priceTiers: tiers,
    moq,
    unit: v.unit,
    leadTimeDays: v.leadTimeDays ?? 0,
    sample: v.sampleOffered && v.sampleUnitPrice !== null && v.sampleUnitPrice !== undefined ? { unitPrice: toFen(v.sampleUnitPrice), maxQuantity: v.sampleMaxQuantity ?? 1 } : null,
    origin: v.origin?.trim() || null,
    // Left out when not chosen: the server then uses the company's province.
    ...(v.dispatchProvince ? { dispatchProvince: v.dispatchProvince } : {}),
  };
}

// ---- field widgets ------------------------------------------------------------------------------------------

function RangeInput({ value, onChange, unit, testId }: { value?: [number | null, number | null] | null; onChange?: (v: [number | null, number | null]) => void; unit?: string; testId: string }) {
  const { t } = useTranslation();
  const [lo, hi] = value ?? [null, null];
  return (
    <Space.Compact style={{ width: '100%' }} data-testid={testId}>
      <InputNumber style={{ width: '50%' }} value={lo} placeholder={t('editor.rangeMin')} onChange={(v) => onChange?.([typeof v === 'number' ? v : null, hi])} data-testid={`${testId}-min`} />
      <InputNumber style={{ width: '50%' }} value={hi} placeholder={t('editor.rangeMax')} onChange={(v) => onChange?.([lo, typeof v === 'number' ? v : null])} suffix={unit} data-testid={`${testId}-max`} />
    </Space.Compact>
  );
}

function AttributeField({ def }: { def: AttributeDefinition }) {
  const { t } = useTranslation();
  const name = ['attributes', def.key];
  const testId = `editor-attr-${def.key}`;
  const rules = def.required ? [{ required: true, message: t('editor.required') }] : [];
  const label = attributeName(def);
  switch (def.type) {
    case 'enum':
      return (
        <Form.Item name={name} label={label} rules={rules}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(def.options ?? []).map((o) => ({ value: o.value, label: optionLabel(o) }))} data-testid={testId} />
        </Form.Item>
      );
    case 'number':
      return (
        <Form.Item name={name} label={label} rules={rules}>
          <InputNumber style={{ width: '100%' }} suffix={def.unit} data-testid={testId} />
        </Form.Item>
      );
    case 'range':
      return (
        <Form.Item
          name={name}
          label={label}
          rules={[
            ...(def.required
              ? [{ validator: (_: unknown, v: unknown) => (Array.isArray(v) && v[0] !== null && v[1] !== null ? Promise.resolve() : Promise.reject(new Error(t('editor.required')))) }]
              : []),
          ]}
          required={def.required}
        >
          <RangeInput unit={def.unit} testId={testId} />
        </Form.Item>
      );
    case 'text':
      return (
        <Form.Item name={name} label={label} rules={rules}>
          <Input maxLength={200} data-testid={testId} />
        </Form.Item>
      );
    case 'boolean':
      return (
        <Form.Item name={name} label={label} valuePropName="checked" initialValue={false}>
          <Switch data-testid={testId} />
        </Form.Item>
      );
  }
}

function SkuTable({ axes, picked, rows, setRows, unit, errors }: { axes: AttributeDefinition[]; picked: Record<string, string[] | undefined>; rows: Record<string, SkuRowState>; setRows: (f: (r: Record<string, SkuRowState>) => Record<string, SkuRowState>) => void; unit: string; errors: Record<number, string[]> }) {
  const { t } = useTranslation();
  const list = combos(axes, picked);
  if (list.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('editor.skuNoRows')} />;
  const update = (key: string, patch: Partial<SkuRowState>) => setRows((r) => ({ ...r, [key]: { ...{ stock: null, price: null }, ...r[key], ...patch } }));
  const label = (axis: AttributeDefinition, value: string) => {
    const o = axis.options?.find((x) => x.value === value);
    return o ? optionLabel(o) : value;
  };
  return (
    <Table<Combo>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={list}
      scroll={{ x: 'max-content' }}
      data-testid="editor-sku-table"
      onRow={(c) => ({ 'data-testid': 'editor-sku-row', 'data-combo': c.key }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        ...axes.map((axis) => ({ title: attributeName(axis), key: axis.key, render: (_: unknown, c: Combo) => label(axis, c.attributes[axis.key] ?? '') })),
        {
          title: <span className="ant-form-item-required">{t('editor.skuStock')}</span>,
          key: 'stock',
          render: (_: unknown, c: Combo, index: number) => (
            <>
              <InputNumber min={0} value={rows[c.key]?.stock ?? null} onChange={(v) => update(c.key, { stock: typeof v === 'number' ? v : null })} suffix={unitLabel(unit)} style={{ width: 150 }} status={errors[index] ? 'error' : undefined} data-testid="editor-sku-stock" />
              {errors[index] && <div style={{ color: '#ff4d4f', fontSize: 12 }}>{errors[index].join(';')}</div>}
            </>
          ),
        },
        ...(axes.length > 0
          ? [
              {
                title: t('editor.skuPrice'),
                key: 'price',
                render: (_: unknown, c: Combo) => {
                  const row = rows[c.key];
                  return (
                    <Space size={4}>
                      <InputNumber min={0} precision={2} value={row?.price ?? null} onChange={(v) => update(c.key, { price: typeof v === 'number' ? v : null, tiers: undefined })} prefix="¥" style={{ width: 130 }} data-testid="editor-sku-price" />
                      {row?.tiers && row.price === null && <Tag>{t('editor.skuCustomTiers', { count: row.tiers.length })}</Tag>}
                    </Space>
                  );
                },
              },
            ]
          : []),
      ]}
    />
  );
}

function TierEditor({ form, unit }: { form: FormInstance<FormValues>; unit: string }) {
  const { t } = useTranslation();
  return (
    <Form.List
      name="priceTiers"
      rules={[{ validator: async (_, rows: TierRow[] | undefined) => (rows && rows.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('editor.tiersRequired')))) }]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="editor-tiers">
          {fields.map((field, i) => (
            <Row key={field.key} gutter={8} align="top" data-testid="editor-tier-row">
              <Col flex="1 1 160px">
                <Form.Item
                  name={[field.name, 'minQuantity']}
                  label={i === 0 ? t('editor.moqRow') : t('editor.minQuantity')}
                  dependencies={i > 0 ? [['priceTiers', i - 1, 'minQuantity']] : []}
                  rules={[
                    { required: true, message: t('editor.required') },
                    {
                      validator: async (_, v: number | null) => {
                        const prev = i > 0 ? (form.getFieldValue(['priceTiers', i - 1, 'minQuantity']) as number | null) : null;
                        if (v !== null && v !== undefined && prev !== null && prev !== undefined && v <= prev) throw new Error(t('editor.tiersAscending'));
                      },
                    },
                  ]}
                >
                  <InputNumber min={0} style={{ width: '100%' }} suffix={unitLabel(unit)} data-testid="editor-tier-min" />
                </Form.Item>
              </Col>
              <Col flex="1 1 160px">
                <Form.Item
                  name={[field.name, 'unitPrice']}
                  label={t('editor.unitPriceYuan')}
                  dependencies={i > 0 ? [['priceTiers', i - 1, 'unitPrice']] : []}
                  rules={[
                    { required: true, message: t('editor.required') },
                    {
                      validator: async (_, v: number | null) => {
                        const prev = i > 0 ? (form.getFieldValue(['priceTiers', i - 1, 'unitPrice']) as number | null) : null;
                        if (v !== null && v !== undefined && prev !== null && prev !== undefined && v > prev) throw new Error(t('editor.tiersNotRising'));
                      },
                    },
                  ]}
                >
                  <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} data-testid="editor-tier-price" />
                </Form.Item>
              </Col>
              <Col flex="0 0 32px" style={{ paddingTop: 34 }}>
                {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} style={{ color: '#8c8c8c' }} aria-label={t('common.remove')} data-testid="editor-tier-remove" />}
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => {
              const rows = (form.getFieldValue('priceTiers') as TierRow[] | undefined) ?? [];
              const last = rows[rows.length - 1];
              add({ minQuantity: last?.minQuantity ? last.minQuantity * 10 : null, unitPrice: last?.unitPrice ?? null });
            }}
            data-testid="editor-add-tier"
          >
            {t('editor.addTier')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

function ImagesField({ images, setImages, companyId, error }: { images: UploadedImage[]; setImages: (f: (i: UploadedImage[]) => UploadedImage[]) => void; companyId: string; error: string[] | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(0);
  const [dragging, setDragging] = useState<number | null>(null);
  const move = (from: number, to: number) =>
    setImages((list) => {
      if (to < 0 || to >= list.length || from === to) return list;
      const next = [...list];
      const [it] = next.splice(from, 1);
      if (it) next.splice(to, 0, it);
      return next;
    });
  // Uploads run one after another so the images land in the order they were picked (the first is the cover).
  const queue = useRef<Promise<void>>(Promise.resolve());
  const upload = (file: File) => {
    setUploading((n) => n + 1);
    queue.current = queue.current.then(async () => {
      try {
        const fd = new FormData();
        fd.append('file', file);
        const res = await api<UploadResponse>('/files', { method: 'POST', form: fd, query: { purpose: 'product_image', companyId } });
        setImages((list) => [...list, { fileId: res.id, url: res.url, thumb: res.thumbnails?.['160'] ?? res.url }]);
      } catch (e) {
        message.error(`${file.name}: ${problemDetail(e)}`);
      } finally {
        setUploading((n) => n - 1);
      }
    });
  };
  const onDrop = (e: DragEvent, to: number) => {
    e.preventDefault();
    if (dragging !== null) move(dragging, to);
    setDragging(null);
  };
  return (
    <div data-testid="editor-images">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 10 }}>
        {images.map((img, i) => (
          <div
            key={img.fileId}
            draggable
            onDragStart={() => setDragging(i)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => onDrop(e, i)}
            onDragEnd={() => setDragging(null)}
            data-testid="editor-image"
            data-file-id={img.fileId}
            style={{ width: 104, border: `1px solid ${i === 0 ? '#F25C05' : '#f0f0f0'}`, borderRadius: 6, overflow: 'hidden', background: '#fff', opacity: dragging === i ? 0.4 : 1, cursor: 'grab' }}
          >
            <div style={{ position: 'relative', height: 104, background: '#fafafa' }}>
              <img src={img.thumb} alt="" style={{ width: '100%', height: '100%', objectFit: 'cover', pointerEvents: 'none' }} />
              {i === 0 && (
                <Tag color="#F25C05" style={{ position: 'absolute', left: 4, top: 4, marginInlineEnd: 0 }} data-testid="editor-image-cover">
                  {t('editor.cover')}
                </Tag>
              )}
            </div>
            <div style={{ display: 'flex', justifyContent: 'space-between', padding: '2px 4px' }}>
              <Button type="text" size="small" icon={<LeftOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('editor.moveLeft')} />
              <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => setImages((l) => l.filter((x) => x.fileId !== img.fileId))} aria-label={t('editor.removeImage')} data-testid="editor-image-remove" />
              <Button type="text" size="small" icon={<RightOutlined />} disabled={i === images.length - 1} onClick={() => move(i, i + 1)} aria-label={t('editor.moveRight')} />
            </div>
          </div>
        ))}
        <Upload
          accept="image/png,image/jpeg,image/webp"
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            upload(file);
            return false;
          }}
        >
          <button
            type="button"
            data-testid="editor-image-upload"
            style={{ width: 104, height: 134, border: '1px dashed #d9d9d9', borderRadius: 6, background: '#fafafa', cursor: 'pointer', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 6 }}
          >
            {uploading > 0 ? <LoadingOutlined /> : <PlusOutlined />}
            <span style={{ fontSize: 12 }}>{t('editor.upload')}</span>
          </button>
        </Upload>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 6 }}>
        {t('editor.imagesHint')}
      </Typography.Text>
      {error && <div style={{ color: '#ff4d4f' }}>{error.join(';')}</div>}
    </div>
  );
}

// ---- the editor ---------------------------------------------------------------------------------------------

const FORM_FIELDS = new Set(['titleZh', 'titleEn', 'descriptionZh', 'descriptionEn', 'attributes', 'priceTiers', 'unit', 'leadTimeDays', 'origin', 'dispatchProvince', 'skuAxes']);

function EditorForm({ product, companyId }: { product: ProductView | null; companyId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const tree = useCategoryTree();
  const regions = useRegions();
  const [form] = Form.useForm<FormValues>();
  const [categoryId, setCategoryId] = useState<string | null>(product?.categoryId ?? null);
  const category = useCategory(categoryId);
  const attributes = useMemo(() => category.data?.attributes ?? [], [category.data]);
  const axes = useMemo(() => attributes.filter((a) => a.definesSku && a.type === 'enum'), [attributes]);
  const plain = attributes.filter((a) => !(a.definesSku && a.type === 'enum'));
  const [rows, setRows] = useState<Record<string, SkuRowState>>({});
  const [images, setImages] = useState<UploadedImage[]>(() => (product?.images ?? []).map((i: ProductImage) => ({ fileId: i.fileId, url: i.url, thumb: i.thumbnails['160'] ?? i.url })));
  const [loaded, setLoaded] = useState(false);
  const [skuErrors, setSkuErrors] = useState<Record<number, string[]>>({});
  const [otherErrors, setOtherErrors] = useState<Record<string, string[]>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const picked = Form.useWatch('skuAxes', form) ?? {};
  const unit = Form.useWatch('unit', form) ?? product?.unit ?? 'piece';
  const sampleOffered = Form.useWatch('sampleOffered', form) ?? false;

  // An existing product's SKU values can only be split onto the axes once its template is known.
  useEffect(() => {
    if (!product || loaded || !category.data || category.data.id !== product.categoryId) return;
    const init = fromProduct(product, category.data.attributes.filter((a) => a.definesSku && a.type === 'enum'));
    form.setFieldsValue(init.values);
    setRows(init.rows);
    setLoaded(true);
  }, [product, loaded, category.data, form]);

  // A new product ships from the company's own province unless the seller says otherwise.
  const company = useQuery({ queryKey: ['company', companyId], queryFn: () => api<Company>(`/companies/${companyId}`), enabled: !product, staleTime: 60_000 });
  useEffect(() => {
    if (!product && company.data && !form.getFieldValue('dispatchProvince')) form.setFieldValue('dispatchProvince', company.data.province);
  }, [product, company.data, form, categoryId]);

  const onCategory = (path: (string | number)[] | undefined) => {
    const leaf = path?.[path.length - 1];
    const next = leaf === undefined ? null : String(leaf);
    if (next !== categoryId) {
      form.setFieldsValue({ attributes: {}, skuAxes: {} });
      setRows({});
    }
    setCategoryId(next);
  };

  const applyErrors = (err: ProblemError): number => {
    const fields: Array<{ name: (string | number)[]; errors: string[] }> = [];
    const sku: Record<number, string[]> = {};
    const other: Record<string, string[]> = {};
    for (const [path, msgs] of Object.entries(err.fieldErrors())) {
      const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      const head = parts[0];
      if (head === 'skus' && typeof parts[1] === 'number') sku[parts[1]] = [...(sku[parts[1]] ?? []), ...msgs];
      else if (head === 'imageIds') other.images = [...(other.images ?? []), ...msgs];
      else if (head === 'moq') fields.push({ name: ['priceTiers', 0, 'minQuantity'], errors: msgs });
      else if (head === 'sample') fields.push({ name: [parts[1] === 'maxQuantity' ? 'sampleMaxQuantity' : 'sampleUnitPrice'], errors: msgs });
      else if (typeof head === 'string' && FORM_FIELDS.has(head)) {
        // A message about the whole list (e.g. tiers not ascending) goes on its first row's field.
        const name = head === 'priceTiers' && parts.length === 1 ? ['priceTiers', 0, 'unitPrice'] : head === 'attributes' && parts.length > 2 ? parts.slice(0, 2) : parts;
        fields.push({ name, errors: msgs });
      } else other[String(head)] = [...(other[String(head)] ?? []), ...msgs];
    }
    form.setFields(fields.map((f) => ({ name: f.name as never, errors: f.errors })));
    if (fields[0]) form.scrollToField(fields[0].name, { block: 'center' });
    setSkuErrors(sku);
    setOtherErrors(other);
    return fields.length + Object.keys(sku).length + Object.keys(other).length;
  };

  const save = useMutation({
    mutationFn: async ({ publish }: { publish: boolean }) => {
      if (!categoryId) throw new Error(t('editor.leafOnly'));
      const values = form.getFieldsValue(true) as FormValues;
      const body = toBody(categoryId, values, attributes, rows, images);
      const saved = product ? await api<ProductView>(`/products/${product.id}`, { method: 'PATCH', body }) : await api<ProductView>('/products', { method: 'POST', body });
      // An edit of a product already on sale stays on sale; only drafts and delisted ones get published.
      if (!publish || saved.status === 'published') return { saved, published: false };
      try {
        return { saved: await api<ProductView>(`/products/${saved.id}/publish`, { method: 'POST' }), published: true };
      } catch (e) {
        // The draft is saved even when publishing is refused; keep editing that one.
        if (!product) void navigate(`/workbench/products/${saved.id}/edit`, { replace: true });
        throw e;
      }
    },
    onMutate: () => {
      setProblem(null);
      setSkuErrors({});
      setOtherErrors({});
    },
    onSuccess: async ({ saved, published }) => {
      message.success(published ? t('editor.published') : t('editor.saved'));
      qc.setQueryData(['wb', 'product', saved.id], saved);
      await qc.invalidateQueries({ queryKey: ['wb', 'products'] });
      await qc.invalidateQueries({ queryKey: ['product', saved.id] });
      if (!product) void navigate(`/workbench/products/${saved.id}/edit`, { replace: true });
    },
    onError: (e) => {
      if (e instanceof ProblemError) {
        const n = applyErrors(e);
        setProblem(n > 0 ? new Error(`${e.detail} ${t('editor.fixErrors', { count: n })}`) : e);
      } else setProblem(e);
    },
  });

  const submit = async (publish: boolean) => {
    try {
      // A draft may be incomplete; publishing needs the whole form to be valid.
      await form.validateFields(publish ? undefined : ['titleZh']);
    } catch {
      return;
    }
    save.mutate({ publish });
  };

  const section = (title: string, children: React.ReactNode, testId?: string) => (
    <Card size="small" title={title} style={{ marginBottom: 12 }} data-testid={testId}>
      {children}
    </Card>
  );

  return (
    <Form<FormValues> form={form} layout="vertical" initialValues={EMPTY_VALUES} requiredMark scrollToFirstError data-testid="product-editor">
      {section(
        t('editor.stepCategory'),
        <>
          <Form.Item label={t('editor.category')} required help={categoryId ? undefined : t('editor.categoryHint')} style={{ marginBottom: 0 }}>
            <Cascader
              options={cascaderOptions(tree.data)}
              value={pathTo(tree.data, categoryId)}
              onChange={(v) => onCategory(v)}
              showSearch={{ filter: (input, path) => path.some((o) => String(o.label).toLowerCase().includes(input.toLowerCase())) }}
              loading={tree.isPending}
              placeholder={t('editor.leafOnly')}
              style={{ width: '100%', maxWidth: 520 }}
              allowClear={false}
              data-testid="editor-category"
            />
          </Form.Item>
          {otherErrors.categoryId && <Alert type="error" showIcon style={{ marginTop: 8 }} title={otherErrors.categoryId.join(';')} />}
          {product && categoryId !== product.categoryId && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('editor.changeCategory')} />}
        </>,
        'editor-section-category',
      )}
      {!categoryId ? null : category.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : category.error ? (
        <ProblemAlert error={category.error} />
      ) : (
        <>
          {section(
            t('editor.basics'),
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="titleZh" label={t('editor.titleZh')} rules={[{ required: true, message: t('editor.required') }]}>
                  <Input maxLength={120} showCount placeholder={t('editor.titleZhHint')} data-testid="editor-title-zh" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="titleEn" label={t('editor.titleEn')}>
                  <Input maxLength={200} data-testid="editor-title-en" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="descriptionZh" label={t('editor.descriptionZh')}>
                  <Input.TextArea rows={4} maxLength={5000} data-testid="editor-description-zh" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="descriptionEn" label={t('editor.descriptionEn')}>
                  <Input.TextArea rows={4} maxLength={5000} data-testid="editor-description-en" />
                </Form.Item>
              </Col>
            </Row>,
            'editor-section-basics',
          )}
          {section(
            t('editor.images'),
            <ImagesField images={images} setImages={setImages} companyId={companyId} error={otherErrors.images} />,
            'editor-section-images',
          )}
          {section(
            t('editor.attributes'),
            plain.length === 0 ? (
              <Typography.Text type="secondary">{t('editor.noAttributes')}</Typography.Text>
            ) : (
              <Row gutter={16}>
                {plain.map((def) => (
                  <Col key={def.key} xs={24} sm={12} lg={8}>
                    <AttributeField def={def} />
                  </Col>
                ))}
              </Row>
            ),
            'editor-section-attributes',
          )}
          {section(
            t('editor.skus'),
            <>
              {axes.length === 0 ? (
                <Typography.Paragraph type="secondary">{t('editor.skuSingle')}</Typography.Paragraph>
              ) : (
                <>
                  <Typography.Paragraph type="secondary">{t('editor.skuAxesHint')}</Typography.Paragraph>
                  {axes.map((axis) => (
                    <Form.Item key={axis.key} name={['skuAxes', axis.key]} label={attributeName(axis)} rules={axis.required ? [{ required: true, type: 'array', min: 1, message: t('editor.required') }] : []}>
                      <Checkbox.Group options={(axis.options ?? []).map((o) => ({ value: o.value, label: optionLabel(o) }))} data-testid={`editor-sku-axis-${axis.key}`} />
                    </Form.Item>
                  ))}
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                    {t('editor.skuPriceHint')}
                  </Typography.Paragraph>
                </>
              )}
              <SkuTable axes={axes} picked={picked} rows={rows} setRows={setRows} unit={unit} errors={skuErrors} />
              {otherErrors.skus && <Alert type="error" showIcon style={{ marginTop: 8 }} title={otherErrors.skus.join(';')} />}
            </>,
            'editor-section-skus',
          )}
          {section(
            t('editor.pricing'),
            <>
              <Form.Item name="unit" label={t('editor.unit')} rules={[{ required: true, message: t('editor.required') }]} style={{ maxWidth: 260 }}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={UNITS.map((u) => ({ value: u, label: t(`catalog.unitNames.${u}`) }))} data-testid="editor-unit" />
              </Form.Item>
              <Typography.Text strong>{t('editor.tiers')}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('editor.tiersHint')}
              </Typography.Paragraph>
              <TierEditor form={form} unit={unit} />
            </>,
            'editor-section-pricing',
          )}
          {section(
            t('editor.logistics'),
            <Row gutter={16}>
              <Col xs={24} sm={12} lg={8}>
                <Form.Item name="leadTimeDays" label={t('editor.leadTimeDays')} rules={[{ required: true, message: t('editor.required') }]}>
                  <InputNumber min={0} max={365} style={{ width: '100%' }} data-testid="editor-lead-time" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} lg={8}>
                <Form.Item name="dispatchProvince" label={t('editor.dispatchProvince')} rules={[{ required: true, message: t('editor.required') }]}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={regions.isPending}
                    options={(regions.data ?? []).map((r) => ({ value: r.code, label: currentLang() === 'en-US' ? r.en : r.zh }))}
                    data-testid="editor-dispatch"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} lg={8}>
                <Form.Item name="origin" label={t('editor.origin')}>
                  <Input maxLength={100} placeholder={t('editor.originHint')} data-testid="editor-origin" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} lg={8}>
                <Form.Item name="sampleOffered" label={t('editor.sampleOffered')} valuePropName="checked">
                  <Switch data-testid="editor-sample-toggle" />
                </Form.Item>
              </Col>
              {sampleOffered && (
                <>
                  <Col xs={24} sm={12} lg={8}>
                    <Form.Item name="sampleUnitPrice" label={t('editor.samplePrice')} rules={[{ required: true, message: t('editor.required') }]}>
                      <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} data-testid="editor-sample-price" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12} lg={8}>
                    <Form.Item name="sampleMaxQuantity" label={t('editor.sampleMax')} rules={[{ required: true, message: t('editor.required') }]}>
                      <InputNumber min={1} style={{ width: '100%' }} suffix={unitLabel(unit)} data-testid="editor-sample-max" />
                    </Form.Item>
                  </Col>
                </>
              )}
            </Row>,
            'editor-section-logistics',
          )}
        </>
      )}
      {problem !== null && <ProblemAlert error={problem} style={{ marginBottom: 12 }} />}
      {Object.entries(otherErrors)
        .filter(([k]) => k !== 'images' && k !== 'skus' && k !== 'categoryId')
        .map(([k, msgs]) => (
          <Alert key={k} type="error" showIcon style={{ marginBottom: 12 }} title={`${k}: ${msgs.join(';')}`} />
        ))}
      <div style={{ position: 'sticky', bottom: 0, zIndex: 5, background: '#fff', borderTop: '1px solid #f0f0f0', padding: '10px 16px', margin: '0 -4px', display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'flex-end', boxShadow: '0 -2px 8px rgba(0,0,0,0.04)' }}>
        {product && (
          <Link to={`/products/${product.id}`} style={{ marginInlineEnd: 'auto' }}>
            <Button type="link">{t('editor.preview')}</Button>
          </Link>
        )}
        {product?.status === 'published' ? (
          <Button type="primary" onClick={() => void submit(true)} loading={save.isPending} disabled={save.isPending} data-testid="save-changes">
            {t('editor.saveChanges')}
          </Button>
        ) : (
          <>
            <Button onClick={() => void submit(false)} loading={save.isPending && !save.variables.publish} disabled={!categoryId || save.isPending} data-testid="save-draft">
              {t('editor.saveDraft')}
            </Button>
            <Button type="primary" onClick={() => void submit(true)} loading={save.isPending && save.variables.publish} disabled={!categoryId || save.isPending} data-testid="publish">
              {t('editor.publish')}
            </Button>
          </>
        )}
      </div>
    </Form>
  );
}

export default function ProductEditor() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data: me } = useMe();
  const company = activeCompanyOf(me);
  const product = useQuery({ queryKey: ['wb', 'product', id], queryFn: () => api<ProductView>(`/products/${id ?? ''}`), enabled: Boolean(id) });
  if (!company) return <NoCompany />;
  const header = (
    <Space wrap style={{ marginBottom: 12 }}>
      <Link to="/workbench/products">
        <Button icon={<ArrowLeftOutlined />} type="text">
          {t('editor.backToList')}
        </Button>
      </Link>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {id ? t('editor.editTitle') : t('editor.createTitle')}
      </Typography.Title>
      {product.data && <StatusTag status={product.data.status} />}
    </Space>
  );
  if (id && product.isPending) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  if (id && product.error) {
    return product.error instanceof ProblemError && product.error.status === 404 ? <Result status="404" title={t('editor.notFound')} /> : <ProblemResult error={product.error} />;
  }
  const p = product.data ?? null;
  return (
    <div style={{ maxWidth: 1080 }}>
      {header}
      {p?.takedown && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('sellerProducts.takedown', { reason: p.takedown.reason })} data-testid="takedown-reason" />}
      <EditorForm key={p?.id ?? 'new'} product={p} companyId={company.id} />
    </div>
  );
}
