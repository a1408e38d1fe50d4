import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Checkbox, Col, Descriptions, Empty, Form, Input, InputNumber, Modal, Row, Select, Skeleton, Space, Table, Tag, Tooltip, Tree, Typography } from 'antd';
import type { FormInstance, FormListFieldData } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, ProblemError, problemDetail } from '../../api.js';
import type { FieldError } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';
import { currentLang } from '../../i18n/index.js';
import '../../i18n/adminCatalog.js';
import type { AttributeDefinition, AttributeType, CategoryNode, PathItem } from '../catalog/model.js';
import { localizedName, useCategoryTree } from '../catalog/model.js';

const TYPES: AttributeType[] = ['enum', 'number', 'range', 'text', 'boolean'];
const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

interface CategoryDetail extends CategoryNode {
  path: PathItem[];
  attributes: AttributeDefinition[];
  ownAttributes: AttributeDefinition[];
}
interface Counts {
  items: Array<{ categoryId: string; total: number; published: number }>;
}
interface AttrForm {
  key: string;
  nameZh: string;
  nameEn: string;
  type: AttributeType;
  unit?: string;
  required?: boolean;
  filterable?: boolean;
  definesSku?: boolean;
  options?: Array<{ value: string; zh: string; en: string }>;
}
interface NamesForm {
  nameZh: string;
  nameEn: string;
  sort: number;
}
interface NewForm extends NamesForm {
  key: string;
  attributes: AttrForm[];
}

/** What the API takes: options only on enums, a unit only on numbers and ranges, SKUs only from enums. */
function toDefinition(a: AttrForm): AttributeDefinition {
  const hasUnit = a.type === 'number' || a.type === 'range';
  return {
    key: a.key.trim(),
    nameZh: a.nameZh.trim(),
    nameEn: a.nameEn.trim(),
    type: a.type,
    ...(a.type === 'enum' ? { options: (a.options ?? []).map((o) => ({ value: o.value.trim(), zh: o.zh.trim(), en: o.en.trim() })) } : {}),
    ...(hasUnit && a.unit?.trim() ? { unit: a.unit.trim() } : {}),
    required: Boolean(a.required),
    filterable: Boolean(a.filterable),
    definesSku: a.type === 'enum' && Boolean(a.definesSku),
  };
}
const toForm = (a: AttributeDefinition): AttrForm => ({ ...a, unit: a.unit ?? '', options: a.options ?? [] });

/**
 * Puts the problem's per-field messages (`body.attributes.2.options.0.value`) on the form's fields and returns the
 * ones no field shows (e.g. `body.parentId`), which the caller lists above the form.
 */
function applyPathErrors(form: FormInstance, err: unknown, shown: (name: Array<string | number>) => boolean): FieldError[] {
  if (!(err instanceof ProblemError)) return [];
  const byName = new Map<string, { name: Array<string | number>; errors: string[] }>();
  const loose: FieldError[] = [];
  for (const e of err.errors) {
    const name = e.path.replace(/^body\.?/, '').split('.').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    if (name.length === 0 || !shown(name)) {
      loose.push(e);
      continue;
    }
    const k = name.join('.');
    const entry = byName.get(k) ?? { name, errors: [] };
    entry.errors.push(e.message);
    byName.set(k, entry);
  }
  form.setFields([...byName.values()].map((f) => ({ name: f.name as never, errors: f.errors })));
  return loose;
}

const ATTR_FIELDS = new Set(['key', 'nameZh', 'nameEn', 'type', 'unit', 'required', 'filterable', 'definesSku', 'options']);
/** Whether the attribute editor renders a field (or list) for this path. */
function attributePathShown(name: Array<string | number>): boolean {
  if (name[0] !== 'attributes') return false;
  if (name.length === 1) return true;
  if (typeof name[1] !== 'number' || typeof name[2] !== 'string' || !ATTR_FIELDS.has(name[2])) return false;
  if (name.length === 3) return true;
  return name[2] === 'options' && typeof name[3] === 'number' && (name.length === 4 || (name.length === 5 && ['value', 'zh', 'en'].includes(String(name[4]))));
}

function ProblemList({ error, loose }: { error: unknown; loose: FieldError[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  const count = error instanceof ProblemError ? error.errors.length : 0;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="problem"
      title={problemDetail(error)}
      description={
        count > 0 ? (
          <>
            {loose.length < count && <div>{t('adminCatalog.problems', { count: count - loose.length })}</div>}
            {loose.map((e) => (
              <div key={`${e.path}-${e.message}`}>{e.message}</div>
            ))}
          </>
        ) : undefined
      }
    />
  );
}

// ---- attribute editor -------------------------------------------------------------------------------------

function OptionsEditor({ field }: { field: FormListFieldData }) {
  const { t } = useTranslation();
  return (
    <Form.List name={[field.name, 'options']}>
      {(options, { add, remove }, { errors }) => (
        <div style={{ background: '#fafafa', borderRadius: 4, padding: '8px 8px 0' }} data-testid="attr-options">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('adminCatalog.options')}</Typography.Text>
          {options.map((o) => (
            <Space key={o.key} align="start" style={{ display: 'flex', marginTop: 4 }} data-testid="attr-option">
              <Form.Item name={[o.name, 'value']} rules={[{ required: true, whitespace: true, message: t('adminCatalog.fieldRequired') }]} style={{ marginBottom: 8 }}>
                <Input placeholder={t('adminCatalog.optionValue')} style={{ width: 130 }} data-testid="option-value" />
              </Form.Item>
              <Form.Item name={[o.name, 'zh']} rules={[{ required: true, whitespace: true, message: t('adminCatalog.fieldRequired') }]} style={{ marginBottom: 8 }}>
                <Input placeholder={t('adminCatalog.optionZh')} style={{ width: 130 }} data-testid="option-zh" />
              </Form.Item>
              <Form.Item name={[o.name, 'en']} rules={[{ required: true, whitespace: true, message: t('adminCatalog.fieldRequired') }]} style={{ marginBottom: 8 }}>
                <Input placeholder={t('adminCatalog.optionEn')} style={{ width: 150 }} data-testid="option-en" />
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(o.name)} aria-label={t('common.remove')} />
            </Space>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ value: '', zh: '', en: '' })} style={{ margin: '4px 0 8px' }} data-testid="option-add">
            {t('adminCatalog.addOption')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

function AttributeCard({ field, remove }: { field: FormListFieldData; remove: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const type = Form.useWatch(['attributes', field.name, 'type'], form) as AttributeType | undefined;
  const req = [{ required: true, whitespace: true, message: t('adminCatalog.fieldRequired') }];
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="own-attribute">
      {/* Type gets a fifth of the row (from the key's share): at a quarter less, "Number" was cut to "Num…" in English. */}
      <Row gutter={8}>
        <Col xs={24} sm={12} md={5}>
          <Form.Item
            name={[field.name, 'key']}
            label={t('adminCatalog.attrKey')}
            rules={[...req, { pattern: KEY_PATTERN, message: t('adminCatalog.keyHelp') }]}
            style={{ marginBottom: 8 }}
          >
            <Input maxLength={40} data-testid="attr-key" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} md={5}>
          <Form.Item name={[field.name, 'nameZh']} label={t('adminCatalog.attrNameZh')} rules={req} style={{ marginBottom: 8 }}>
            <Input maxLength={40} data-testid="attr-name-zh" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} md={5}>
          <Form.Item name={[field.name, 'nameEn']} label={t('adminCatalog.attrNameEn')} rules={req} style={{ marginBottom: 8 }}>
            <Input maxLength={60} data-testid="attr-name-en" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} md={5}>
          <Form.Item name={[field.name, 'type']} label={t('adminCatalog.attrType')} style={{ marginBottom: 8 }}>
            <Select options={TYPES.map((x) => ({ value: x, label: t(`adminCatalog.types.${x}`) }))} popupMatchSelectWidth={false} data-testid="attr-type" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} md={4}>
          {(type === 'number' || type === 'range') && (
            <Form.Item name={[field.name, 'unit']} label={t('adminCatalog.attrUnit')} style={{ marginBottom: 8 }}>
              <Input maxLength={16} placeholder={t('adminCatalog.attrUnitPlaceholder')} data-testid="attr-unit" />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Space wrap style={{ marginBottom: 8 }}>
        <Form.Item name={[field.name, 'required']} valuePropName="checked" noStyle>
          <Checkbox data-testid="attr-required">{t('adminCatalog.required')}</Checkbox>
        </Form.Item>
        <Form.Item name={[field.name, 'filterable']} valuePropName="checked" noStyle>
          <Checkbox data-testid="attr-filterable">{t('adminCatalog.filterable')}</Checkbox>
        </Form.Item>
        {type === 'enum' && (
          <Form.Item name={[field.name, 'definesSku']} valuePropName="checked" noStyle>
            <Checkbox data-testid="attr-defines-sku">{t('adminCatalog.definesSku')}</Checkbox>
          </Form.Item>
        )}
        <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={remove} data-testid="attr-remove">
          {t('adminCatalog.removeAttribute')}
        </Button>
      </Space>
      {type === 'enum' && <OptionsEditor field={field} />}
    </Card>
  );
}

function AttributesEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="attributes">
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="own-attributes">
          {fields.length === 0 && <Typography.Paragraph type="secondary">{t('adminCatalog.noOwn')}</Typography.Paragraph>}
          {fields.map((f) => (
            <AttributeCard key={f.key} field={f} remove={() => remove(f.name)} />
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => add({ key: '', nameZh: '', nameEn: '', type: 'enum', unit: '', required: false, filterable: true, definesSku: false, options: [{ value: '', zh: '', en: '' }] })}
            data-testid="attr-add"
          >
            {t('adminCatalog.addAttribute')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

function InheritedTable({ attributes }: { attributes: AttributeDefinition[] }) {
  const { t } = useTranslation();
  const en = currentLang() === 'en-US';
  return (
    <Table<AttributeDefinition>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={attributes}
      data-testid="inherited-attributes"
      onRow={(a) => ({ 'data-testid': 'inherited-attribute', 'data-key': a.key }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('adminCatalog.noInherited')} /> }}
      columns={[
        {
          title: t('adminCatalog.attrKey'),
          dataIndex: 'key',
          render: (k: string) => (
            <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
              {k}
            </Typography.Text>
          ),
        },
        { title: `${t('adminCatalog.attrNameZh')} / ${t('adminCatalog.attrNameEn')}`, key: 'names', render: (_, a) => `${a.nameZh} / ${a.nameEn}` },
        { title: t('adminCatalog.attrType'), dataIndex: 'type', render: (v: AttributeType, a) => `${t(`adminCatalog.types.${v}`)}${a.unit ? ` (${a.unit})` : ''}` },
        {
          title: t('adminCatalog.options'),
          key: 'options',
          render: (_, a) => (a.options?.length ? a.options.map((o) => (en ? o.en : o.zh)).join(en ? ', ' : '、') : '—'),
        },
        {
          title: '',
          key: 'flags',
          render: (_, a) => (
            <Space size={2} wrap>
              <Tooltip title={t('adminCatalog.inheritedTip')}>
                <Tag icon={<LockOutlined />} color="default" data-testid="inherited-tag">{t('adminCatalog.inherited')}</Tag>
              </Tooltip>
              {a.required && <Tag color="orange">{t('adminCatalog.required')}</Tag>}
              {a.filterable && <Tag color="blue">{t('adminCatalog.filterable')}</Tag>}
              {a.definesSku && <Tag color="purple">SKU</Tag>}
            </Space>
          ),
        },
      ]}
    />
  );
}

// ---- one category -----------------------------------------------------------------------------------------

function useInvalidateCategories() {
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries({ queryKey: ['categories'] });
    await qc.invalidateQueries({ queryKey: ['admin', 'category-counts'] });
  };
}

function CategoryEditor({ id, siblings, onAddChild }: { id: string; siblings: CategoryNode[]; onAddChild: (parent: CategoryDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateCategories();
  const detail = useQuery({ queryKey: ['categories', 'detail', id], queryFn: () => api<CategoryDetail>(`/categories/${id}`) });
  const [namesForm] = Form.useForm<NamesForm>();
  const [attrsForm] = Form.useForm<{ attributes: AttrForm[] }>();
  const [namesLoose, setNamesLoose] = useState<FieldError[]>([]);
  const [attrsLoose, setAttrsLoose] = useState<FieldError[]>([]);
  const d = detail.data;

  useEffect(() => {
    if (!d) return;
    namesForm.setFieldsValue({ nameZh: d.nameZh, nameEn: d.nameEn, sort: d.sort });
    attrsForm.setFieldsValue({ attributes: d.ownAttributes.map(toForm) });
  }, [d, namesForm, attrsForm]);

  const saveNames = useMutation({
    mutationFn: (v: NamesForm) => api<CategoryDetail>(`/admin/categories/${id}`, { method: 'PATCH', body: { nameZh: v.nameZh.trim(), nameEn: v.nameEn.trim(), sort: v.sort } }),
    onSuccess: async () => {
      setNamesLoose([]);
      await invalidate();
      void message.success(t('adminCatalog.saved'));
    },
    onError: (err) => setNamesLoose(applyPathErrors(namesForm, err, (n) => n.length === 1 && ['nameZh', 'nameEn', 'sort'].includes(String(n[0])))),
  });
  const saveAttrs = useMutation({
    mutationFn: (v: { attributes: AttrForm[] }) => api<CategoryDetail>(`/admin/categories/${id}`, { method: 'PATCH', body: { attributes: (v.attributes ?? []).map(toDefinition) } }),
    onSuccess: async () => {
      setAttrsLoose([]);
      await invalidate();
      void message.success(t('adminCatalog.attributesSaved'));
    },
    onError: (err) => setAttrsLoose(applyPathErrors(attrsForm, err, attributePathShown)),
  });
  // Reorder among siblings: renumber them 10, 20, 30… in the new order and save the ones that changed.
  const move = useMutation({
    mutationFn: async (delta: -1 | 1) => {
      const order = [...siblings];
      const i = order.findIndex((s) => s.id === id);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= order.length) return;
      [order[i], order[j]] = [order[j]!, order[i]!];
      for (const [k, s] of order.entries()) {
        const sort = (k + 1) * 10;
        if (s.sort !== sort) await api(`/admin/categories/${s.id}`, { method: 'PATCH', body: { sort } });
      }
    },
    onSettled: invalidate,
  });

  if (detail.isPending) return <Card><Skeleton active /></Card>;
  if (detail.error || !d) return <ProblemAlert error={detail.error} />;
  const inherited = d.attributes.filter((a) => !d.ownAttributes.some((o) => o.key === a.key));
  const index = siblings.findIndex((s) => s.id === id);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="category-editor" data-code={d.code}>
      <Card
        title={
          <Space>
            <span data-testid="category-title">{localizedName(d)}</span>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{currentLang() === 'en-US' ? d.nameZh : d.nameEn}</Typography.Text>
          </Space>
        }
        extra={
          <Space>
            <Tooltip title={t('adminCatalog.moveUp')}>
              <Button icon={<ArrowUpOutlined />} disabled={index <= 0} loading={move.isPending} onClick={() => move.mutate(-1)} aria-label={t('adminCatalog.moveUp')} data-testid="category-move-up" />
            </Tooltip>
            <Tooltip title={t('adminCatalog.moveDown')}>
              <Button icon={<ArrowDownOutlined />} disabled={index < 0 || index >= siblings.length - 1} loading={move.isPending} onClick={() => move.mutate(1)} aria-label={t('adminCatalog.moveDown')} data-testid="category-move-down" />
            </Tooltip>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => onAddChild(d)} data-testid="category-add-child">
              {t('adminCatalog.addChild')}
            </Button>
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 3 }}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'code', label: t('adminCatalog.code'), children: <Typography.Text code style={{ whiteSpace: 'nowrap' }} data-testid="category-code">{d.code}</Typography.Text> },
            { key: 'level', label: t('adminCatalog.levelLabel'), children: t('adminCatalog.level', { level: d.level }) },
            { key: 'path', label: t('adminCatalog.path'), children: d.path.map((p) => localizedName(p)).join(' / ') },
          ]}
        />
        <ProblemAlert error={move.error} style={{ marginBottom: 12 }} />
        {saveNames.error && <ProblemList error={saveNames.error} loose={namesLoose} />}
        <Form form={namesForm} layout="inline" onFinish={(v) => saveNames.mutate(v)} style={{ rowGap: 8 }}>
          <Form.Item name="nameZh" label={t('adminCatalog.nameZh')} rules={[{ required: true, whitespace: true, message: t('adminCatalog.fieldRequired') }]}>
            <Input maxLength={30} style={{ width: 160 }} data-testid="category-name-zh" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('adminCatalog.nameEn')} rules={[{ required: true, whitespace: true, message: t('adminCatalog.fieldRequired') }]}>
            <Input maxLength={60} style={{ width: 220 }} data-testid="category-name-en" />
          </Form.Item>
          <Form.Item name="sort" label={t('adminCatalog.sort')} tooltip={t('adminCatalog.sortHelp')}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: 100 }} data-testid="category-sort" />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" loading={saveNames.isPending} data-testid="category-save-names">
              {t('adminCatalog.saveNames')}
            </Button>
          </Form.Item>
        </Form>
      </Card>

      <Card title={t('adminCatalog.template')} data-testid="category-template">
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('adminCatalog.templateHelp')}</Typography.Paragraph>
        <InheritedTable attributes={inherited} />
        <Typography.Title level={5} style={{ marginTop: 16 }}>{t('adminCatalog.own')}</Typography.Title>
        {saveAttrs.error && <ProblemList error={saveAttrs.error} loose={attrsLoose} />}
        <Form form={attrsForm} layout="vertical" onFinish={(v) => saveAttrs.mutate(v)} initialValues={{ attributes: d.ownAttributes.map(toForm) }}>
          <AttributesEditor />
          <Button type="primary" htmlType="submit" loading={saveAttrs.isPending} style={{ marginTop: 12 }} data-testid="attributes-save">
            {t('adminCatalog.saveAttributes')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}

// ---- a new category ---------------------------------------------------------------------------------------

function NewCategoryModal({ parent, open, nextSort, onClose }: { parent: CategoryDetail | null; open: boolean; nextSort: number; onClose: (createdId: string | null) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateCategories();
  const [form] = Form.useForm<NewForm>();
  const [loose, setLoose] = useState<FieldError[]>([]);
  const create = useMutation({
    mutationFn: (v: NewForm) =>
      api<CategoryDetail>('/admin/categories', {
        method: 'POST',
        body: { parentId: parent?.id ?? null, key: v.key.trim(), nameZh: v.nameZh.trim(), nameEn: v.nameEn.trim(), sort: v.sort, attributes: (v.attributes ?? []).map(toDefinition) },
      }),
    onSuccess: async (created) => {
      await invalidate();
      void message.success(t('adminCatalog.created'));
      setLoose([]);
      onClose(created.id);
    },
    onError: (err) => setLoose(applyPathErrors(form, err, (n) => (n.length === 1 && ['key', 'nameZh', 'nameEn', 'sort'].includes(String(n[0]))) || attributePathShown(n))),
  });
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ sort: nextSort, attributes: [] });
      create.reset();
      setLoose([]);
    }
    // Reset when the dialog opens, not on every render of the mutation.
  }, [open, parent?.id]);
  return (
    <Modal
      open={open}
      width={880}
      title={parent ? t('adminCatalog.childOf', { name: localizedName(parent) }) : t('adminCatalog.rootCategory')}
      okText={t('adminCatalog.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'new-category-submit' }}
      onOk={() => form.submit()}
      onCancel={() => onClose(null)}
      forceRender
    >
      <div data-testid="new-category-modal">
      {create.error && <ProblemList error={create.error} loose={loose} />}
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
        <Row gutter={12}>
          <Col xs={24} sm={7}>
            <Form.Item
              name="key"
              label={t('adminCatalog.key')}
              tooltip={t('adminCatalog.keyHelp')}
              extra={parent ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{parent.code}.…</Typography.Text> : undefined}
              rules={[{ required: true, message: t('adminCatalog.fieldRequired') }, { pattern: KEY_PATTERN, message: t('adminCatalog.keyHelp') }]}
            >
              <Input maxLength={31} data-testid="new-category-key" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="nameZh" label={t('adminCatalog.nameZh')} rules={[{ required: true, whitespace: true, message: t('adminCatalog.fieldRequired') }]}>
              <Input maxLength={30} data-testid="new-category-name-zh" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={7}>
            <Form.Item name="nameEn" label={t('adminCatalog.nameEn')} rules={[{ required: true, whitespace: true, message: t('adminCatalog.fieldRequired') }]}>
              <Input maxLength={60} data-testid="new-category-name-en" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={4}>
            <Form.Item name="sort" label={t('adminCatalog.sort')}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} data-testid="new-category-sort" />
            </Form.Item>
          </Col>
        </Row>
        {parent && parent.attributes.length > 0 && (
          <>
            <Typography.Title level={5}>{t('adminCatalog.inherited')}</Typography.Title>
            <InheritedTable attributes={parent.attributes} />
          </>
        )}
        <Typography.Title level={5} style={{ marginTop: 16 }}>{t('adminCatalog.own')}</Typography.Title>
        <AttributesEditor />
      </Form>
      </div>
    </Modal>
  );
}

// ---- the page ---------------------------------------------------------------------------------------------

interface TreeItem {
  key: string;
  title: React.ReactNode;
  children: TreeItem[];
}

export default function AdminCategories() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const selected = params.get('id');
  const tree = useCategoryTree();
  const counts = useQuery({ queryKey: ['admin', 'category-counts'], queryFn: () => api<Counts>('/admin/categories/product-counts') });
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<string[]>([]);
  const [adding, setAdding] = useState<{ parent: CategoryDetail | null } | null>(null);
  const en = currentLang() === 'en-US';

  // Parent of every node, and each node's count including its subtree.
  const { parents, totals, byId } = useMemo(() => {
    const parentsMap = new Map<string, string | null>();
    const nodes = new Map<string, CategoryNode>();
    const direct = new Map((counts.data?.items ?? []).map((c) => [c.categoryId, c]));
    const sums = new Map<string, { total: number; published: number }>();
    const walk = (list: CategoryNode[] | undefined, parent: string | null): { total: number; published: number } => {
      const acc = { total: 0, published: 0 };
      for (const n of list ?? []) {
        parentsMap.set(n.id, parent);
        nodes.set(n.id, n);
        const own = direct.get(n.id);
        const below = walk(n.children, n.id);
        const sum = { total: (own?.total ?? 0) + below.total, published: (own?.published ?? 0) + below.published };
        sums.set(n.id, sum);
        acc.total += sum.total;
        acc.published += sum.published;
      }
      return acc;
    };
    walk(tree.data, null);
    return { parents: parentsMap, totals: sums, byId: nodes };
  }, [tree.data, counts.data]);

  // Open the way down to the selected category (deep links, a new child).
  useEffect(() => {
    if (!selected || !byId.has(selected)) return;
    const up: string[] = [];
    for (let p = parents.get(selected) ?? null; p; p = parents.get(p) ?? null) up.push(p);
    setExpanded((prev) => [...new Set([...prev, ...up])]);
  }, [selected, byId, parents]);

  const needle = filter.trim().toLowerCase();
  const treeData = useMemo(() => {
    const matches = (n: CategoryNode) => !needle || n.nameZh.toLowerCase().includes(needle) || n.nameEn.toLowerCase().includes(needle) || n.code.includes(needle);
    const build = (list: CategoryNode[] | undefined, ancestorMatched: boolean): TreeItem[] =>
      (list ?? []).flatMap((n) => {
        const hit = ancestorMatched || matches(n);
        const children = build(n.children, hit);
        if (!hit && children.length === 0) return [];
        const count = totals.get(n.id);
        return [{
          key: n.id,
          children,
          title: (
            <span data-testid="category-node" data-code={n.code} data-id={n.id}>
              {en ? n.nameEn : n.nameZh}
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>{en ? n.nameZh : n.nameEn}</Typography.Text>
              <Tag style={{ marginLeft: 6, fontSize: 11 }} bordered={false}>{t('adminCatalog.level', { level: n.level })}</Tag>
              {count && count.total > 0 && (
                <Tooltip title={t('adminCatalog.productCountTip', { published: count.published })}>
                  <Badge count={count.total} overflowCount={99999} color="#1F6FEB" size="small" data-testid="category-count" />
                </Tooltip>
              )}
            </span>
          ),
        }];
      });
    return build(tree.data, false);
  }, [tree.data, needle, totals, en, t]);

  const filteredExpanded = useMemo(() => {
    if (!needle) return expanded;
    const keys: string[] = [];
    const walk = (items: TreeItem[]) => items.forEach((i) => { if (i.children.length) { keys.push(i.key); walk(i.children); } });
    walk(treeData);
    return keys;
  }, [needle, expanded, treeData]);

  const selectedNode = selected ? byId.get(selected) : undefined;
  const siblingsOf = (id: string | null | undefined): CategoryNode[] => {
    const parent = id ? parents.get(id) : null;
    const list = parent ? byId.get(parent)?.children : tree.data;
    return [...(list ?? [])].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
  };
  const childrenOfAdding = adding ? (adding.parent ? byId.get(adding.parent.id)?.children : tree.data) ?? [] : [];
  const nextSort = childrenOfAdding.reduce((m, c) => Math.max(m, c.sort), 0) + 10;

  return (
    <Row gutter={[12, 12]} data-testid="admin-categories">
      <Col xs={24} lg={9}>
        <Card
          title={t('adminCatalog.treeTitle')}
          extra={
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding({ parent: null })} data-testid="category-add-root">
              {t('adminCatalog.addRoot')}
            </Button>
          }
          styles={{ body: { maxHeight: 'calc(100vh - 180px)', overflow: 'auto' } }}
        >
          <Input.Search allowClear placeholder={t('adminCatalog.searchTree')} onChange={(e) => setFilter(e.target.value)} style={{ marginBottom: 8 }} data-testid="category-filter" />
          <ProblemAlert error={tree.error ?? counts.error} style={{ marginBottom: 8 }} />
          {tree.isPending ? (
            <Skeleton active />
          ) : treeData.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('adminCatalog.noMatch')} />
          ) : (
            <Tree
              blockNode
              treeData={treeData}
              selectedKeys={selected ? [selected] : []}
              expandedKeys={filteredExpanded}
              onExpand={(keys) => setExpanded(keys.map(String))}
              onSelect={(keys) => {
                const id = keys[0];
                if (id !== undefined) setParams({ id: String(id) }, { replace: true });
              }}
              data-testid="category-tree"
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        {selected && (selectedNode || tree.isPending) ? (
          <CategoryEditor key={selected} id={selected} siblings={siblingsOf(selected)} onAddChild={(parent) => setAdding({ parent })} />
        ) : (
          <Card>
            <Empty description={t('adminCatalog.selectHint')} />
          </Card>
        )}
      </Col>
      <NewCategoryModal
        open={adding !== null}
        parent={adding?.parent ?? null}
        nextSort={nextSort}
        onClose={(createdId) => {
          setAdding(null);
          if (createdId) setParams({ id: createdId }, { replace: true });
        }}
      />
    </Row>
  );
}
