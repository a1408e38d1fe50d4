import { SearchOutlined, ShopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, Input, Segmented, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api.js';
import '../i18n/catalog.js';
import type { SuggestResponse } from '../pages/catalog/model.js';
import { useDebounced } from '../pages/catalog/model.js';

export type SearchTab = 'products' | 'suppliers' | 'rfqs';

export function SearchBox() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const onRfqs = location.pathname === '/rfqs' || location.pathname.startsWith('/rfqs/');
  const initialTab = onRfqs ? 'rfqs' : (params.get('type') ?? params.get('tab'));
  const [tab, setTab] = useState<SearchTab>(initialTab === 'suppliers' || initialTab === 'rfqs' ? initialTab : 'products');
  const [q, setQ] = useState(params.get('q') ?? '');
  // Follow the address when it changes under us (back button, a link to another search).
  useEffect(() => {
    if (location.pathname === '/search') {
      setQ(params.get('q') ?? '');
      const tp = params.get('type') ?? params.get('tab');
      if (tp === 'suppliers' || tp === 'rfqs' || tp === 'products') setTab(tp);
    } else if (onRfqs) {
      // The public RFQ list (求购信息) is the RFQ tab's result page.
      if (location.pathname === '/rfqs') setQ(params.get('q') ?? '');
      setTab('rfqs');
    }
  }, [location.pathname, params, onRfqs]);
  const selectedAt = useRef(0);
  const term = useDebounced(q.trim(), 150);
  const suggest = useQuery({
    queryKey: ['suggest', term],
    queryFn: () => api<SuggestResponse>('/search/suggest', { query: { q: term } }),
    enabled: term.length > 0 && tab !== 'rfqs',
    staleTime: 30_000,
    retry: false,
  });
  const [open, setOpen] = useState(false);
  const submit = (value: string) => {
    setOpen(false);
    if (tab === 'rfqs') {
      void navigate(value.trim() ? `/rfqs?${new URLSearchParams({ q: value.trim() }).toString()}` : '/rfqs');
      return;
    }
    const sp = new URLSearchParams({ type: tab });
    if (value.trim()) sp.set('q', value.trim());
    void navigate(`/search?${sp.toString()}`);
  };
  // No suggestions on the RFQ tab (they name products and suppliers); a cached answer must not show there either.
  const data = term.length > 0 && tab !== 'rfqs' ? suggest.data : undefined;
  const en = i18n.language === 'en-US';
  const options = [
    ...(data?.terms.length
      ? [
          {
            label: t('search.suggestProducts'),
            options: data.terms.map((s) => ({
              value: `term::${s.term}`,
              label: (
                <span data-testid="suggestion" data-kind="term" style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                  <span>
                    <SearchOutlined style={{ color: '#bfbfbf', marginInlineEnd: 6 }} />
                    {s.term}
                  </span>
                  <span style={{ color: '#bfbfbf', fontSize: 12 }}>{s.count}</span>
                </span>
              ),
            })),
          },
        ]
      : []),
    ...(data?.suppliers.length
      ? [
          {
            label: t('search.suggestSuppliers'),
            options: data.suppliers.map((s) => ({
              value: `supplier:${s.id}:${s.name}`,
              label: (
                <span data-testid="suggestion" data-kind="supplier">
                  <ShopOutlined style={{ color: '#bfbfbf', marginInlineEnd: 6 }} />
                  {en && s.nameEn ? s.nameEn : s.name}
                </span>
              ),
            })),
          },
        ]
      : []),
  ];
  const onSelect = (value: string) => {
    selectedAt.current = Date.now();
    setOpen(false);
    const [kind, id, ...rest] = value.split(':');
    const text = rest.join(':');
    if (kind === 'supplier' && id) void navigate(`/companies/${id}`);
    else {
      setQ(text);
      const sp = new URLSearchParams({ type: tab === 'rfqs' ? 'products' : tab, q: text });
      void navigate(`/search?${sp.toString()}`);
    }
  };
  return (
    <div style={{ width: '100%', maxWidth: 640 }}>
      <Segmented<SearchTab>
        size="small"
        value={tab}
        onChange={setTab}
        data-testid="search-tabs"
        options={[
          { label: t('header.products'), value: 'products' },
          { label: t('header.suppliers'), value: 'suppliers' },
          { label: t('header.rfqs'), value: 'rfqs' },
        ]}
        style={{ marginBottom: 6 }}
      />
      <Space.Compact style={{ width: '100%' }}>
        <AutoComplete
          value={q}
          options={options}
          onChange={(v: string) => {
            // Picking a suggestion passes its encoded value here first; onSelect sets the real text.
            if (!/^(term|supplier):/.test(v)) {
            setQ(v);
            setOpen(true);
          }
          }}
          onSelect={onSelect}
          open={open && options.length > 0}
          onOpenChange={setOpen}
          style={{ flex: 1, minWidth: 0 }}
          popupMatchSelectWidth
        >
          <Input
            size="large"
            placeholder={t('header.searchPlaceholder')}
            onPressEnter={(e) => {
              const value = e.currentTarget.value;
              // Enter on a highlighted suggestion selects it (onSelect navigates); only a plain Enter searches.
              setTimeout(() => {
                if (Date.now() - selectedAt.current > 300) submit(value);
              }, 0);
            }}
            data-testid="search-input"
            allowClear
          />
        </AutoComplete>
        <Button size="large" type="primary" icon={<SearchOutlined />} onClick={() => submit(q)} data-testid="search-submit">
          {t('common.search')}
        </Button>
      </Space.Compact>
    </div>
  );
}
