import { ShopOutlined } from '@ant-design/icons';
import { Avatar, Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Company } from '../api.js';
import { companyDisplayName, companySecondaryName } from '../format.js';
import { TrustMarks } from './TrustMarks.js';
import '../i18n/storefront.js';

export function CompanyLogo({ company, size = 48 }: { company: Pick<Company, 'logoUrl' | 'legalName'>; size?: number }) {
  return company.logoUrl ? (
    <Avatar shape="square" size={size} src={company.logoUrl} alt="" />
  ) : (
    <Avatar shape="square" size={size} style={{ background: '#FFF1E8', color: '#F25C05', fontWeight: 700, fontSize: size / 2.4 }}>
      {company.legalName.replace(/^(.{2}).*$/u, '$1').slice(0, 2)}
    </Avatar>
  );
}

/** `shopLink={false}` where the shop has its own button next to the card (the product page's supplier panel). */
export function CompanyCard({ company, shopLink = true }: { company: Company; shopLink?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const secondary = companySecondaryName(company);
  return (
    <Link to={`/companies/${company.id}`} style={{ display: 'block', height: '100%' }} data-testid="company-card">
      <Card hoverable size="small" style={{ height: '100%' }}>
        <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
          <CompanyLogo company={company} />
          <div style={{ minWidth: 0, flex: 1 }}>
            <Typography.Text strong ellipsis={{ tooltip: companyDisplayName(company) }} style={{ display: 'block' }}>
              {companyDisplayName(company)}
            </Typography.Text>
            {secondary && (
              <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                {secondary}
              </Typography.Text>
            )}
            <div style={{ marginTop: 6 }}>
              <TrustMarks company={company} size="small" />
            </div>
            {company.mainProducts.length > 0 && (
              <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12, marginTop: 6 }}>
                {t('home.mainProducts', { list: company.mainProducts.join(' · ') })}
              </Typography.Text>
            )}
            {shopLink && company.companyType !== 'buyer' && (
              // The whole card links to the profile; an anchor inside an anchor is invalid, so the shop link is a button.
              <Button
                type="link"
                size="small"
                icon={<ShopOutlined />}
                style={{ padding: 0, height: 'auto', fontSize: 12, marginTop: 4 }}
                onClick={(e) => {
                  e.preventDefault();
                  e.stopPropagation();
                  void navigate(`/shop/${company.id}`);
                }}
                data-testid="company-card-shop"
              >
                {t('shop.enter')}
              </Button>
            )}
          </div>
        </div>
      </Card>
    </Link>
  );
}
