import { Input, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';

export type SearchTab = 'products' | 'suppliers' | 'rfqs';

export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const initialTab = params.get('tab');
  const [tab, setTab] = useState<SearchTab>(initialTab === 'suppliers' || initialTab === 'rfqs' ? initialTab : 'products');
  const [q, setQ] = useState(params.get('q') ?? '');
  const submit = (value: string) => {
    const sp = new URLSearchParams({ tab });
    if (value.trim()) sp.set('q', value.trim());
    void navigate(`/search?${sp.toString()}`);
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
      <Input.Search
        size="large"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('header.searchPlaceholder')}
        enterButton={t('common.search')}
        onSearch={submit}
        data-testid="search-input"
        allowClear
      />
    </div>
  );
}
