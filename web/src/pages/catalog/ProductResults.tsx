import { CloseOutlined, DownOutlined, FilterOutlined, UpOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, Empty, Grid, InputNumber, Row, Segmented, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';
import { currentLang } from '../../i18n/index.js';
import { useMe, useRegionName, useRegions } from '../../session.js';
import type { AttributeDefinition, ProductSearchPage, SearchFacets } from './model.js';
import { attributeName, localizedName, optionLabel } from './model.js';
import { ProductCard } from './ProductCard.js';

export type SortKey = 'relevance' | 'price' | 'newest' | 'sales';
const SORTS: SortKey[] = ['relevance', 'sales', 'price', 'newest'];
const GRADES = ['5A', '4A', '3A', '2A', '1A'];
const LEAD_TIMES = [3, 7, 15, 30];
const PAGE_SIZE = 24;
const FOLDED_ATTRIBUTE_ROWS = 2;
const ORANGE = '#F25C05';

/** The search state as it lives in the address bar, so a result page can be bookmarked and shared. */
export interface Filters {
  q: string;
  category: string | null;
  sort: SortKey;
  quantity: number | null;
  priceMin: number | null; // 元
  priceMax: number | null; // 元
  moqMax: number | null;
  province: string | null;
  minGrade: string | null;
  trustpass: boolean;
  verified: boolean;
  shipsWithin: number | null;
  attrs: Record<string, string[]>;
}

const num = (s: string | null): number | null => {
  if (s === null || s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};

/** The API takes only a positive quantity or MOQ: 0 (or less) means "no filter", not a request it would refuse. */
const positive = (n: number | null): number | null => (n !== null && n > 0 ? n : null);

export function readFilters(params: URLSearchParams, fixedCategory?: string): Filters {
  const attrs: Record<string, string[]> = {};
  for (const [k, v] of params) {
    if (k.startsWith('a.') && v) attrs[k.slice(2)] = v.split(',').filter(Boolean);
  }
  return {
    q: params.get('q') ?? '',
    category: fixedCategory ?? params.get('category'),
    sort: SORTS.find((s) => s === params.get('sort')) ?? 'relevance',
    quantity: positive(num(params.get('qty'))),
    priceMin: num(params.get('priceMin')),
    priceMax: num(params.get('priceMax')),
    moqMax: positive(num(params.get('moqMax'))),
    province: params.get('province'),
    minGrade: GRADES.find((g) => g === params.get('minGrade')) ?? null,
    trustpass: params.get('trustpass') === '1',
    verified: params.get('verified') === '1',
    shipsWithin: num(params.get('shipsWithin')),
    attrs,
  };
}

/** The API's query parameters (GET /api/v1/search/products): prices in 分, attribute filters as attr.<key>=v1,v2. */
export function apiQuery(f: Filters, explain: boolean): Record<string, string | number | undefined> {
  const out: Record<string, string | number | undefined> = {
    q: f.q || undefined,
    category: f.category ?? undefined,
    sort: f.sort === 'relevance' ? undefined : f.sort,
    quantity: positive(f.quantity) ?? undefined,
    priceMin: f.priceMin !== null ? Math.round(f.priceMin * 100) : undefined,
    priceMax: f.priceMax !== null ? Math.round(f.priceMax * 100) : undefined,
    moqMax: positive(f.moqMax) ?? undefined,
    province: f.province ?? undefined,
    minGrade: f.minGrade ?? undefined,
    trustpass: f.trustpass ? 'true' : undefined,
    verified: f.verified ? 'true' : undefined,
    shipsWithin: f.shipsWithin ?? undefined,
    explain: explain ? 'true' : undefined,
    limit: PAGE_SIZE,
  };
  for (const [k, v] of Object.entries(f.attrs)) if (v.length) out[`attr.${k}`] = v.join(',');
  return out;
}

function useFilterParams(fixedCategory?: string) {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params, fixedCategory);
  const set = (patch: Record<string, string | number | null | undefined>) => {
    const sp = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === undefined || v === '') sp.delete(k);
      else sp.set(k, String(v));
    }
    setParams(sp, { replace: false });
  };
  const clear = () => {
    const sp = new URLSearchParams();
    for (const k of ['q', 'type', 'category']) {
      const v = params.get(k);
      if (v && !(k === 'category' && fixedCategory)) sp.set(k, v);
    }
    setParams(sp);
  };
  return { filters, set, clear, params };
}

function FilterRow({ label, children, testId }: { label: ReactNode; children: ReactNode; testId?: string }) {
  const screens = Grid.useBreakpoint();
  return (
    <div style={{ display: 'flex', flexDirection: screens.sm ? 'row' : 'column', gap: screens.sm ? 12 : 4, padding: '8px 0', borderBottom: '1px dashed #f0f0f0' }} data-testid={testId}>
      <div style={{ flex: screens.sm ? '0 0 96px' : 'none', color: '#8c8c8c', fontSize: 13, paddingTop: 2 }}>{label}</div>
      <div style={{ flex: 1, minWidth: 0, display: 'flex', flexWrap: 'wrap', gap: '6px 4px', alignItems: 'center' }}>{children}</div>
    </div>
  );
}

function Chip({ checked, onChange, children, testId, value }: { checked: boolean; onChange: (v: boolean) => void; children: ReactNode; testId: string; value: string }) {
  return (
    <Tag.CheckableTag checked={checked} onChange={onChange} data-testid={testId} data-value={value} data-checked={checked ? 'true' : 'false'} style={{ border: `1px solid ${checked ? ORANGE : '#f0f0f0'}`, marginInlineEnd: 0 }}>
      {children}
    </Tag.CheckableTag>
  );
}

const Count = ({ n, on }: { n: number | undefined; on?: boolean }) => (n === undefined ? null : <span style={{ color: on ? 'rgba(255,255,255,0.85)' : '#8c8c8c', fontSize: 11, marginInlineStart: 3 }}>({n})</span>);

type AttrRow =
  | { kind: 'enum'; key: string; label: string; values: Array<{ value: string; label: string; count?: number }> }
  | { kind: 'number'; key: string; label: string; unit: string | null; min: number | null; max: number | null };

/** Attribute rows: the facets' values with counts; the template's options fill in before the first answer. */
function attributeRows(facets: SearchFacets | undefined, template: AttributeDefinition[] | undefined): AttrRow[] {
  const en = currentLang() === 'en-US';
  if (facets) {
    return facets.attributes.flatMap((a): AttrRow[] => {
      const label = en && a.nameEn ? a.nameEn : a.nameZh;
      if ('values' in a) {
        return a.values.length ? [{ kind: 'enum', key: a.key, label, values: a.values.map((v) => ({ value: v.value, label: en ? v.labelEn || v.labelZh : v.labelZh, count: v.count })) }] : [];
      }
      return a.count > 0 ? [{ kind: 'number', key: a.key, label, unit: a.unit, min: a.min, max: a.max }] : [];
    });
  }
  const rows: AttrRow[] = [];
  for (const def of template ?? []) {
    if (!def.filterable || def.type !== 'enum') continue;
    rows.push({ kind: 'enum', key: def.key, label: attributeName(def), values: (def.options ?? []).map((o) => ({ value: o.value, label: optionLabel(o) })) });
  }
  return rows;
}

/** A number or range attribute: at least / at most, applied when the field is left. */
function NumberFilter({ row, filters, set }: { row: Extract<AttrRow, { kind: 'number' }>; filters: Filters; set: (p: Record<string, string | number | null | undefined>) => void }) {
  const { t } = useTranslation();
  const cur = (edge: 'min' | 'max') => num(filters.attrs[`${row.key}.${edge}`]?.[0] ?? null);
  const apply = (edge: 'min' | 'max', v: number | null) => {
    if (v !== cur(edge)) set({ [`a.${row.key}.${edge}`]: v });
  };
  return (
    <Space.Compact>
      <InputNumber
        key={`min-${cur('min')}`}
        defaultValue={cur('min') ?? undefined}
        placeholder={row.min !== null ? String(row.min) : t('editor.rangeMin')}
        onBlur={(e) => apply('min', num(e.target.value))}
        onPressEnter={(e) => apply('min', num(e.currentTarget.value))}
        style={{ width: 100 }}
        data-testid={`filter-attr-${row.key}-min`}
      />
      <InputNumber
        key={`max-${cur('max')}`}
        defaultValue={cur('max') ?? undefined}
        placeholder={row.max !== null ? String(row.max) : t('editor.rangeMax')}
        onBlur={(e) => apply('max', num(e.target.value))}
        onPressEnter={(e) => apply('max', num(e.currentTarget.value))}
        suffix={row.unit ?? undefined}
        style={{ width: 120 }}
        data-testid={`filter-attr-${row.key}-max`}
      />
    </Space.Compact>
  );
}

/** The filters hidden behind "more filters", as removable tags, so a folded panel still says what applies. */
function AppliedFilters({ filters, set }: { filters: Filters; set: (p: Record<string, string | number | null | undefined>) => void }) {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const yuan = (v: number) => `¥${v}`;
  const tags: Array<{ key: string; label: string; clear: Record<string, null> }> = [];
  if (filters.quantity !== null) tags.push({ key: 'qty', label: t('search.qtyFilter', { qty: filters.quantity }), clear: { qty: null } });
  if (filters.priceMin !== null || filters.priceMax !== null) {
    const range = `${filters.priceMin !== null ? yuan(filters.priceMin) : ''}–${filters.priceMax !== null ? yuan(filters.priceMax) : ''}`;
    tags.push({ key: 'price', label: t('search.priceFilter', { range }), clear: { priceMin: null, priceMax: null } });
  }
  if (filters.moqMax !== null) tags.push({ key: 'moq', label: t('search.moqFilter', { qty: filters.moqMax }), clear: { moqMax: null } });
  if (filters.province) tags.push({ key: 'province', label: regionName(filters.province), clear: { province: null } });
  if (filters.minGrade) tags.push({ key: 'grade', label: t('search.gradeAtLeast', { grade: filters.minGrade }), clear: { minGrade: null } });
  if (filters.shipsWithin !== null) tags.push({ key: 'ships', label: t('search.shipsWithinDays', { count: filters.shipsWithin }), clear: { shipsWithin: null } });
  if (filters.trustpass) tags.push({ key: 'trustpass', label: t('search.trustpassOnly'), clear: { trustpass: null } });
  if (filters.verified) tags.push({ key: 'verified', label: t('search.verifiedOnly'), clear: { verified: null } });
  if (tags.length === 0) return null;
  return (
    <FilterRow label={t('search.activeFilters')} testId="filter-applied">
      {tags.map((tag) => (
        <Tag key={tag.key} closable color="orange" onClose={() => set(tag.clear)} style={{ marginInlineEnd: 0 }} data-testid="applied-filter" data-key={tag.key}>
          {tag.label}
        </Tag>
      ))}
    </FilterRow>
  );
}

function FilterPanel({ filters, set, clear, facets, template, hideCategoryRow, pickCategory }: { filters: Filters; set: (p: Record<string, string | number | null | undefined>) => void; clear: () => void; facets: SearchFacets | undefined; template?: AttributeDefinition[]; hideCategoryRow?: boolean; pickCategory: (id: string) => void }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const screens = Grid.useBreakpoint();
  // Open on wide screens, folded on phones, until the user says otherwise.
  const [moreChoice, setMore] = useState<boolean | null>(null);
  const more = moreChoice ?? Boolean(screens.md);
  const [qty, setQty] = useState<number | null>(filters.quantity);
  const [pMin, setPMin] = useState<number | null>(filters.priceMin);
  const [pMax, setPMax] = useState<number | null>(filters.priceMax);
  const [moqMax, setMoqMax] = useState<number | null>(filters.moqMax);
  useEffect(() => {
    setQty(filters.quantity);
    setPMin(filters.priceMin);
    setPMax(filters.priceMax);
    setMoqMax(filters.moqMax);
  }, [filters.quantity, filters.priceMin, filters.priceMax, filters.moqMax]);
  const rows = attributeRows(facets, template);
  const provinceCounts = new Map((facets?.provinces ?? []).map((p) => [p.code, p.count]));
  // "4A or better" counts every grade from 4A up.
  const atLeast = (g: string) => (facets ? GRADES.slice(0, GRADES.indexOf(g) + 1).reduce((n, x) => n + (facets.grades.find((y) => y.grade === x)?.count ?? 0), 0) : undefined);
  const toggleAttr = (key: string, value: string, on: boolean) => {
    const cur = new Set(filters.attrs[key] ?? []);
    if (on) cur.add(value);
    else cur.delete(value);
    set({ [`a.${key}`]: [...cur].join(',') || null });
  };
  const active =
    filters.quantity !== null || filters.priceMin !== null || filters.priceMax !== null || filters.moqMax !== null || filters.province || filters.minGrade || filters.trustpass || filters.verified || filters.shipsWithin !== null || Object.values(filters.attrs).some((v) => v.length);
  const cats = (facets?.categories ?? []).filter((c) => c.id !== filters.category);
  // Folded (phones), the first attribute rows and the ones in use stay; the rest wait behind "more filters".
  const shownRows = more ? rows : rows.filter((row, i) => i < FOLDED_ATTRIBUTE_ROWS || Object.keys(filters.attrs).some((k) => k === row.key || k.startsWith(`${row.key}.`)));
  return (
    <Card size="small" styles={{ body: { paddingBlock: 4 } }} data-testid="search-filters">
      {!hideCategoryRow && cats.length > 0 && (
        <FilterRow label={t('search.categoryRow')} testId="filter-category">
          {cats.map((c) => (
            <Chip key={c.id} checked={false} onChange={() => pickCategory(c.id)} testId="facet-category" value={c.id}>
              {localizedName(c)}
              <Count n={c.count} />
            </Chip>
          ))}
        </FilterRow>
      )}
      {shownRows.map((row) => (
        <FilterRow key={row.key} label={row.label} testId={`filter-attr-${row.key}`}>
          {row.kind === 'number' ? (
            <NumberFilter row={row} filters={filters} set={set} />
          ) : (
            row.values.map((v) => {
              const checked = (filters.attrs[row.key] ?? []).includes(v.value);
              return (
                <Chip key={v.value} checked={checked} onChange={(on) => toggleAttr(row.key, v.value, on)} testId="facet-value" value={v.value}>
                  {v.label}
                  <Count n={v.count} on={checked} />
                </Chip>
              );
            })
          )}
        </FilterRow>
      ))}
      {more && (
        <>
          <FilterRow label={t('search.priceRange')} testId="filter-price">
            <Space.Compact>
              <Space.Addon>{t('search.atQuantity')}</Space.Addon>
              <InputNumber min={0} value={qty} onChange={(v) => setQty(typeof v === 'number' ? v : null)} style={{ width: 90 }} data-testid="filter-quantity" />
            </Space.Compact>
            <Space.Compact>
              <InputNumber min={0} precision={2} prefix="¥" placeholder={t('search.priceMin')} value={pMin} onChange={(v) => setPMin(typeof v === 'number' ? v : null)} style={{ width: 110 }} data-testid="filter-price-min" />
              <InputNumber min={0} precision={2} prefix="¥" placeholder={t('search.priceMax')} value={pMax} onChange={(v) => setPMax(typeof v === 'number' ? v : null)} style={{ width: 110 }} data-testid="filter-price-max" />
            </Space.Compact>
            <Space.Compact>
              <Space.Addon>{t('search.moqMax')}</Space.Addon>
              <InputNumber min={0} value={moqMax} onChange={(v) => setMoqMax(typeof v === 'number' ? v : null)} style={{ width: 90 }} data-testid="filter-moq-max" />
            </Space.Compact>
            <Button size="small" type="primary" ghost onClick={() => {
              setQty(positive(qty));
              setMoqMax(positive(moqMax));
              set({ qty: positive(qty), priceMin: pMin, priceMax: pMax, moqMax: positive(moqMax) });
            }} data-testid="filter-apply">
              {t('search.apply')}
            </Button>
          </FilterRow>
          <FilterRow label={t('search.filters')} testId="filter-supplier">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('search.anyProvince')}
              value={filters.province ?? undefined}
              onChange={(v: string | undefined) => set({ province: v ?? null })}
              style={{ width: 150 }}
              data-testid="filter-province"
              options={(regions.data ?? []).map((r) => {
                const n = provinceCounts.get(r.code);
                return { value: r.code, label: `${currentLang() === 'en-US' ? r.en : r.zh}${n !== undefined ? ` (${n})` : ''}` };
              })}
            />
            <Select
              allowClear
              placeholder={t('search.minGrade')}
              value={filters.minGrade ?? undefined}
              onChange={(v: string | undefined) => set({ minGrade: v ?? null })}
              style={{ width: 130 }}
              data-testid="filter-min-grade"
              options={GRADES.map((g) => ({ value: g, label: `${t('search.gradeAtLeast', { grade: g })}${atLeast(g) !== undefined ? ` (${atLeast(g)})` : ''}` }))}
            />
            <Select
              allowClear
              placeholder={t('search.shipsWithin')}
              value={filters.shipsWithin ?? undefined}
              onChange={(v: number | undefined) => set({ shipsWithin: v ?? null })}
              style={{ width: 130 }}
              data-testid="filter-ships-within"
              options={LEAD_TIMES.map((d) => ({ value: d, label: t('search.shipsWithinDays', { count: d }) }))}
            />
            <Checkbox checked={filters.trustpass} onChange={(e) => set({ trustpass: e.target.checked ? '1' : null })} data-testid="filter-trustpass">
              {t('search.trustpassOnly')}
              <Count n={facets?.trustpass} />
            </Checkbox>
            <Checkbox checked={filters.verified} onChange={(e) => set({ verified: e.target.checked ? '1' : null })} data-testid="filter-verified">
              {t('search.verifiedOnly')}
              <Count n={facets?.verified} />
            </Checkbox>
          </FilterRow>
        </>
      )}
      {!more && <AppliedFilters filters={filters} set={set} />}
      <div style={{ display: 'flex', justifyContent: 'space-between', paddingBlock: 4 }}>
        <Button type="link" size="small" icon={more ? <UpOutlined /> : <DownOutlined />} onClick={() => setMore(!more)} style={{ paddingInline: 0 }} data-testid="filter-more">
          {more ? t('search.fewerFilters') : t('search.moreFilters')}
        </Button>
        {active && (
          <Button type="link" size="small" icon={<CloseOutlined />} onClick={clear} data-testid="filter-clear">
            {t('search.clearFilters')}
          </Button>
        )}
      </div>
    </Card>
  );
}

interface Marks {
  companyId: string;
}

/**
 * One /trust-marks request for the whole page of results, put in the cache under each company's key, so the
 * TrustMarks strip on every card reads it instead of asking once per card.
 */
export function useBatchTrustMarks(companyIds: string[]) {
  const qc = useQueryClient();
  const ids = useMemo(() => [...new Set(companyIds)].sort(), [companyIds]);
  const missing = ids.filter((id) => qc.getQueryData(['trust-marks', id]) === undefined);
  const batch = useQuery({
    queryKey: ['trust-marks-batch', missing],
    queryFn: async () => {
      const found = new Map<string, Marks>();
      for (let i = 0; i < missing.length; i += 50) {
        const res = await api<{ items: Marks[] }>('/trust-marks', { query: { companyIds: missing.slice(i, i + 50).join(',') } });
        for (const m of res.items) found.set(m.companyId, m);
      }
      for (const id of missing) qc.setQueryData(['trust-marks', id], found.get(id) ?? null);
      return true;
    },
    enabled: missing.length > 0,
    staleTime: 60_000,
  });
  return missing.length === 0 || batch.isFetched;
}

export function ProductResults({ fixedCategory, template, hideCategoryRow, header }: { fixedCategory?: string; template?: AttributeDefinition[]; hideCategoryRow?: boolean; header?: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const explain = Boolean(me?.user.isOperator);
  const { filters, set, clear } = useFilterParams(fixedCategory);
  const query = apiQuery(filters, explain);
  const results = useInfiniteQuery({
    queryKey: ['search', 'products', query],
    queryFn: ({ pageParam }) => api<ProductSearchPage>('/search/products', { query: { ...query, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = useMemo(() => results.data?.pages.flatMap((p) => p.items) ?? [], [results.data]);
  const facets = results.data?.pages[0]?.facets;
  const total = results.data?.pages[0]?.total;
  const totalExact = results.data?.pages[0]?.totalExact !== false;
  const navigate = useNavigate();
  const pickCategory = (id: string) => {
    // On a category page the category is the address; elsewhere it is one more filter (attribute filters belong to the old one).
    if (fixedCategory) void navigate(`/c/${id}${filters.q ? `?q=${encodeURIComponent(filters.q)}` : ''}`);
    else {
      const patch: Record<string, null | string> = { category: id };
      for (const k of Object.keys(filters.attrs)) patch[`a.${k}`] = null;
      set(patch);
    }
  };
  const marksReady = useBatchTrustMarks(useMemo(() => items.map((h) => h.supplier.id), [items]));
  const screens = Grid.useBreakpoint();
  const sortOptions: Array<{ value: SortKey; label: string }> = [
    { value: 'relevance', label: t('search.sortRelevance') },
    { value: 'sales', label: t('search.sortSales') },
    { value: 'price', label: filters.quantity ? `${t('search.sortPrice')} @${filters.quantity}` : t('search.sortPrice') },
    { value: 'newest', label: t('search.sortNewest') },
  ];
  const pickSort = (v: SortKey) => set({ sort: v === 'relevance' ? null : v });
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {header}
      <FilterPanel filters={filters} set={set} clear={clear} facets={facets} template={template} hideCategoryRow={hideCategoryRow} pickCategory={pickCategory} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
        {screens.sm ? (
          <Segmented<SortKey>
            value={filters.sort}
            onChange={pickSort}
            data-testid="search-sort"
            options={sortOptions.map((o) => ({ value: o.value, label: o.value === 'sales' ? <span title={t('search.sortSalesHint')}>{o.label}</span> : o.label }))}
          />
        ) : (
          // Four sort labels do not fit a phone's width side by side.
          <Select<SortKey>
            value={filters.sort}
            onChange={pickSort}
            data-testid="search-sort"
            options={sortOptions}
            style={{ minWidth: 160 }}
            aria-label={t('search.sort')}
          />
        )}
        <Typography.Text type="secondary" data-testid="search-count">
          <FilterOutlined /> {total !== undefined ? t(totalExact ? 'search.results' : 'search.resultsMany', { count: total }) : items.length > 0 ? t('search.resultsShown', { count: items.length }) : ''}
        </Typography.Text>
      </div>
      <ProblemAlert error={results.error} />
      {results.isPending ? (
        <Row gutter={[12, 12]}>
          {Array.from({ length: 8 }, (_, i) => (
            <Col key={i} xs={12} sm={8} lg={6}>
              <Card size="small">
                <Skeleton.Image active style={{ width: '100%', height: 140 }} />
                <Skeleton active paragraph={{ rows: 2 }} />
              </Card>
            </Col>
          ))}
        </Row>
      ) : items.length === 0 ? (
        <Card>
          <Empty description={t('search.noProducts')} data-testid="search-empty">
            <Button onClick={clear}>{t('search.clearFilters')}</Button>
          </Empty>
        </Card>
      ) : (
        <Row gutter={[12, 12]} data-testid="product-results">
          {items.map((hit) => (
            <Col key={hit.id} xs={12} sm={8} lg={6}>
              <ProductCard hit={hit} q={filters.q} quantity={filters.quantity} showMarks={marksReady} />
            </Col>
          ))}
        </Row>
      )}
      {results.hasNextPage && (
        <div style={{ textAlign: 'center' }}>
          <Button loading={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()} data-testid="load-more">
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </Space>
  );
}
