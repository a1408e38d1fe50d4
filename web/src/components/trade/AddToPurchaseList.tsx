import { ShoppingCartOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api, problemDetail } from '../../api.js';
import '../../i18n/purchaseList.js';
import { formatQuantity } from '../../pages/catalog/model.js';
import { activeCompanyOf, useMe } from '../../session.js';
import { PURCHASE_LIST_KEY, type PurchaseListAdded } from './purchaseList.js';

/**
 * 加入进货单: adds the SKU and quantity chosen on the product page to the signed-in user's purchase list for the active
 * company. The quantity must reach the product's MOQ here (the list itself keeps mixed-variant lines below it).
 */
export function AddToPurchaseListButton({ product, skuId, quantity }: { product: { id: string; companyId: string; moq: number; unit: string; status: string }; skuId: string | null; quantity: number | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const company = activeCompanyOf(me);
  const add = useMutation({
    mutationFn: () => api<PurchaseListAdded>('/purchase-list/items', { method: 'POST', body: { companyId: company?.id, skuId, quantity } }),
    onSuccess: async (res) => {
      message.success(
        <span data-testid="add-to-list-done">
          {t('purchaseList.added', { count: res.count })}{' '}
          {/* The message renders outside the router, so no <Link> here: navigate from this component's closure. */}
          <a href="/workbench/purchase-list" onClick={(e) => { e.preventDefault(); void navigate('/workbench/purchase-list'); }}>{t('purchaseList.view')}</a>
        </span>,
      );
      await qc.invalidateQueries({ queryKey: [PURCHASE_LIST_KEY] });
    },
    onError: (e) => message.error(problemDetail(e)),
  });
  if (me && me.companies.some((c) => c.id === product.companyId)) return null;
  let blocked: string | null = null;
  if (!skuId) blocked = t('purchaseList.chooseSku');
  else if (quantity === null || quantity <= 0 || quantity < product.moq) blocked = t('purchaseList.belowMoqAdd', { moq: formatQuantity(product.moq, product.unit) });
  else if (me && !company) blocked = t('purchaseList.needCompany');
  else if (company && (company.role === 'sales' || company.role === 'finance')) blocked = t('purchaseList.forbidden');
  const onClick = () => {
    if (!me) {
      void navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
      return;
    }
    add.mutate();
  };
  return (
    <Tooltip title={blocked}>
      <span style={{ display: 'inline-block', cursor: blocked ? 'not-allowed' : undefined }} data-testid="add-to-list-wrap">
        <Button icon={<ShoppingCartOutlined />} onClick={onClick} disabled={Boolean(blocked) || product.status !== 'published'} loading={add.isPending} style={blocked ? { pointerEvents: 'none' } : undefined} data-testid="add-to-list">
          {t('purchaseList.add')}
        </Button>
      </span>
    </Tooltip>
  );
}
