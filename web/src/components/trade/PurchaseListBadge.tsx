import { ShoppingCartOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '../../i18n/purchaseList.js';
import { usePurchaseListCount } from './purchaseList.js';

/** The header's purchase-list link with the number of lines on the signed-in user's list for the active company. */
export function PurchaseListBadge() {
  const { t } = useTranslation();
  const count = usePurchaseListCount();
  if (count === null) return null;
  return (
    <Link to="/workbench/purchase-list" data-testid="header-purchase-list">
      <Button type="link" size="small" icon={<Badge count={count} size="small" offset={[2, -2]} overflowCount={99}><ShoppingCartOutlined /></Badge>}>
        {t('purchaseList.badge')}
      </Button>
    </Link>
  );
}
