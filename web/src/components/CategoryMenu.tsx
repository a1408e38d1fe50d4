import { AppstoreOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Empty, Grid, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CategoryNode } from '../pages/catalog/model.js';
import { localizedName, useCategoryTree } from '../pages/catalog/model.js';
import { ProblemAlert } from './Problem.js';

const ORANGE = '#F25C05';

/** Level 2 headings with their level-3 children as a dense link list: the body of the mega-menu flyout. */
function Flyout({ node }: { node: CategoryNode }) {
  const { t } = useTranslation();
  return (
    <div data-testid="category-flyout" data-category={node.id}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', marginBottom: 10 }}>
        <Link to={`/c/${node.id}`} style={{ fontWeight: 600, fontSize: 15, color: ORANGE }}>
          {localizedName(node)}
        </Link>
        <Link to={`/c/${node.id}`} style={{ fontSize: 12 }}>
          {t('catalog.browseAll')} <RightOutlined style={{ fontSize: 10 }} />
        </Link>
      </div>
      {(node.children ?? []).map((l2) => (
        <div key={l2.id} style={{ display: 'flex', gap: 12, padding: '7px 0', borderTop: '1px dashed #f0f0f0' }}>
          <Link to={`/c/${l2.id}`} style={{ flex: '0 0 120px', fontWeight: 600, color: '#262626' }} data-testid="category-l2">
            {localizedName(l2)}
          </Link>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 14px', minWidth: 0 }}>
            {(l2.children ?? []).map((l3) => (
              <Link key={l3.id} to={`/c/${l3.id}`} style={{ color: '#595959', fontSize: 13 }} data-testid="category-l3">
                {localizedName(l3)}
              </Link>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

function hint(node: CategoryNode): string {
  return (node.children ?? [])
    .slice(0, 3)
    .map((c) => localizedName(c))
    .join(' · ');
}

/**
 * The home page's category navigation: level 1 on the left; hovering (or focusing) one opens a flyout over the
 * page with levels 2 and 3. Phones have no hover, so there a tap on level 1 opens its category page instead.
 */
export function CategoryMenu() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const tree = useCategoryTree();
  const [open, setOpen] = useState<string | null>(null);
  const hoverable = Boolean(screens.md);
  const openNode = tree.data?.find((n) => n.id === open) ?? null;
  return (
    <div style={{ position: 'relative', height: '100%' }} onMouseLeave={() => setOpen(null)}>
      <Card
        size="small"
        title={
          <Space>
            <AppstoreOutlined />
            {t('catalog.allCategories')}
          </Space>
        }
        styles={{ header: { background: ORANGE, color: '#fff' }, body: { padding: 0 } }}
        style={{ height: '100%' }}
      >
        <nav data-testid="category-nav">
          {tree.isPending ? (
            <Skeleton active style={{ padding: 12 }} />
          ) : tree.error ? (
            <ProblemAlert error={tree.error} />
          ) : tree.data.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.categoriesEmpty')} />
          ) : (
            <div style={hoverable ? undefined : { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' }}>
              {tree.data.map((c) => (
                <Link
                  key={c.id}
                  to={`/c/${c.id}`}
                  onMouseEnter={() => hoverable && setOpen(c.id)}
                  onFocus={() => hoverable && setOpen(c.id)}
                  data-testid="category-l1"
                  style={{
                    display: 'flex',
                    alignItems: 'center',
                    justifyContent: 'space-between',
                    padding: '7px 12px',
                    color: open === c.id ? ORANGE : 'inherit',
                    background: open === c.id ? '#FFF1E8' : undefined,
                    borderBottom: '1px solid #f5f5f5',
                  }}
                >
                  <span style={{ minWidth: 0 }}>
                    <span style={{ display: 'block', fontWeight: 500 }}>{localizedName(c)}</span>
                    <span style={{ display: 'block', fontSize: 11, color: '#8c8c8c', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{hint(c)}</span>
                  </span>
                  {hoverable && <RightOutlined style={{ fontSize: 10, color: '#bfbfbf' }} />}
                </Link>
              ))}
            </div>
          )}
        </nav>
      </Card>
      {hoverable && openNode && (
        <div
          style={{
            position: 'absolute',
            top: 0,
            left: '100%',
            zIndex: 20,
            width: 'min(720px, calc(100vw - 320px))',
            minHeight: '100%',
            background: '#fff',
            border: `1px solid ${ORANGE}`,
            boxShadow: '4px 4px 16px rgba(0,0,0,0.12)',
            padding: 16,
          }}
        >
          <Flyout node={openNode} />
        </div>
      )}
    </div>
  );
}
