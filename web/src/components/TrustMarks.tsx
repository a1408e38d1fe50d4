import { CrownOutlined, EnvironmentOutlined, SafetyCertificateOutlined, ShopOutlined, StarOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { CSSProperties } from 'react';
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompanyType } from '../api.js';
import { api } from '../api.js';
import { formatDate } from '../format.js';
import '../i18n/credit.js';
import '../i18n/verification.js';
import { useRegionName } from '../session.js';
import { ResponseRate } from './ResponseRate.js';

export interface TrustMarksSubject {
  id?: string;
  /** Left out where the type is not known (search hits); the strip then has no type tag. */
  companyType?: CompanyType;
  province: string;
  city?: string;
}

interface Marks {
  companyId: string;
  verified: boolean;
  verifiedAt: string | null;
  verificationLevel: 'none' | 'registry' | 'field';
  grade: string | null;
  score: number;
  trustpassActive: boolean;
  trustpassYears: number;
}

const TRUST_BLUE = '#1F6FEB';

/**
 * The blue 已认证 / Verified mark: the tooltip says when and at which level (工商认证 / 实地认证) the company passed,
 * and links to the evidence on its profile. Rendered by TrustMarks and by the verification page.
 */
export function VerifiedMark({ verifiedAt, level, companyId, style }: { verifiedAt: string | null; level: 'none' | 'registry' | 'field'; companyId?: string; style?: CSSProperties }) {
  const { t } = useTranslation();
  const levelName = t(`verification.levels.${level === 'field' ? 'field' : 'registry'}`);
  return (
    <Tooltip
      title={
        <>
          {t('verification.verifiedTooltip', { date: formatDate(verifiedAt), level: levelName })}
          {companyId && <> · <Link to={`/companies/${companyId}#verification`} style={{ color: '#fff', textDecoration: 'underline' }}>{t('verification.evidence')}</Link></>}
        </>
      }
    >
      <Tag color={TRUST_BLUE} icon={<SafetyCertificateOutlined />} style={{ marginInlineEnd: 0, ...style }} data-testid="mark-verified" data-level={level}>
        {t('verification.verifiedMark')}
      </Tag>
    </Tooltip>
  );
}

/**
 * The one trust-mark strip used wherever a company appears: verified (已认证), credit grade (2A), TrustPass years
 * (诚信通 N 年), response rate (响应率, suppliers only), then type and region. Each mark has a tooltip saying what it means and links to the evidence.
 */
export function TrustMarks({ company, size = 'default' }: { company: TrustMarksSubject; size?: 'small' | 'default' }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language !== 'en-US';
  const regionName = useRegionName();
  const marks = useQuery({
    queryKey: ['trust-marks', company.id],
    queryFn: async () => (await api<{ items: Marks[] }>('/trust-marks', { query: { companyIds: company.id } })).items[0] ?? null,
    enabled: Boolean(company.id),
    staleTime: 60_000,
  });
  const style = size === 'small' ? { fontSize: 11, lineHeight: '18px', paddingInline: 5, marginInlineEnd: 0 } : { marginInlineEnd: 0 };
  const region = regionName(company.province);
  const m = marks.data;
  const evidence = company.id ? `/companies/${company.id}` : undefined;
  return (
    <Space size={4} wrap data-testid="trust-marks">
      {m?.verified && <VerifiedMark verifiedAt={m.verifiedAt} level={m.verificationLevel} companyId={m.companyId} style={style} />}
      {m?.grade && (
        <Tooltip title={<>{t('credit.title')} {m.grade} · {t('credit.score')} {m.score}{evidence && <> · <Link to={`/verify?company=${m.companyId}`} style={{ color: '#fff', textDecoration: 'underline' }}>{zh ? '核验' : 'verify'}</Link></>}</>}>
          <Tag color="geekblue" icon={<StarOutlined />} style={style} data-testid="mark-grade">{m.grade}</Tag>
        </Tooltip>
      )}
      {m?.trustpassActive && (
        <Tooltip title={zh ? '诚信通会员连续年数' : 'Consecutive TrustPass membership years'}>
          <Tag color="orange" icon={<CrownOutlined />} style={style} data-testid="mark-trustpass">{zh ? `诚信通 ${m.trustpassYears} 年` : `TrustPass ${m.trustpassYears} yr`}</Tag>
        </Tooltip>
      )}
      {company.id && company.companyType !== 'buyer' && <ResponseRate companyId={company.id} size={size} />}
      {company.companyType && (
        <Tooltip title={t('company.companyType')}>
          <Tag color="blue" icon={<ShopOutlined />} style={style}>
            {t(`companyType.${company.companyType}`)}
          </Tag>
        </Tooltip>
      )}
      <Tooltip title={t('company.region')}>
        <Tag icon={<EnvironmentOutlined />} style={style}>
          {company.city && company.city !== region ? `${region} · ${company.city}` : region}
        </Tag>
      </Tooltip>
    </Space>
  );
}
