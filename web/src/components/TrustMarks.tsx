import { EnvironmentOutlined, ShopOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompanyType } from '../api.js';
import { useRegionName } from '../session.js';

export interface TrustMarksSubject {
  companyType: CompanyType;
  province: string;
  city?: string;
}

/**
 * The one trust-mark strip used wherever a company appears. Today it shows the company type and region;
 * verification (已认证), TrustPass years (诚信通 N 年), credit grade (4A), power merchant and rates join here later,
 * each with a tooltip explaining it and linking to the evidence.
 */
export function TrustMarks({ company, size = 'default' }: { company: TrustMarksSubject; size?: 'small' | 'default' }) {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const style = size === 'small' ? { fontSize: 11, lineHeight: '18px', paddingInline: 5, marginInlineEnd: 0 } : { marginInlineEnd: 0 };
  const region = regionName(company.province);
  return (
    <Space size={4} wrap data-testid="trust-marks">
      <Tooltip title={t('company.companyType')}>
        <Tag color="blue" icon={<ShopOutlined />} style={style}>
          {t(`companyType.${company.companyType}`)}
        </Tag>
      </Tooltip>
      <Tooltip title={t('company.region')}>
        <Tag icon={<EnvironmentOutlined />} style={style}>
          {company.city && company.city !== region ? `${region} · ${company.city}` : region}
        </Tag>
      </Tooltip>
    </Space>
  );
}
