import { AutoComplete, Button, Col, Form, Input, Radio, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Company, CompanyInput, CompanyType } from '../api.js';
import { currentLang } from '../i18n/index.js';
import zhCN from '../i18n/zh-CN.js';
import enUS from '../i18n/en-US.js';
import { CATEGORIES } from '../pages/categories.js';
import { useRegions } from '../session.js';

export interface CompanyFormValues {
  legalName: string;
  nameEn?: string;
  uscc?: string;
  companyType: CompanyType;
  province?: string;
  city: string;
  industry: string;
  mainProducts: string[];
  description?: string;
}

export function toCompanyInput(v: CompanyFormValues): CompanyInput {
  return {
    legalName: v.legalName.trim(),
    nameEn: v.nameEn?.trim() ? v.nameEn.trim() : null,
    uscc: v.uscc?.trim() ? v.uscc.trim().toUpperCase() : null,
    companyType: v.companyType,
    province: v.province ?? '',
    city: v.city.trim(),
    industry: v.industry.trim(),
    mainProducts: v.mainProducts.map((p) => p.trim()).filter(Boolean),
    description: v.description ?? '',
  };
}

export function fromCompany(c: Company): CompanyFormValues {
  return {
    legalName: c.legalName,
    nameEn: c.nameEn ?? '',
    uscc: c.uscc ?? '',
    companyType: c.companyType,
    province: c.province,
    city: c.city,
    industry: c.industry,
    mainProducts: c.mainProducts,
    description: c.description,
  };
}

const COMPANY_TYPES: CompanyType[] = ['manufacturer', 'trading_company', 'buyer', 'both'];

export function CompanyForm({
  form,
  initialValues,
  onFinish,
  submitting,
  submitLabel,
  disabled,
}: {
  form: FormInstance<CompanyFormValues>;
  initialValues?: Partial<CompanyFormValues>;
  onFinish: (v: CompanyFormValues) => void;
  submitting: boolean;
  submitLabel: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const regions = useRegions();
  const lang = currentLang();
  const industryOptions = CATEGORIES.map((c) => ({ value: `${zhCN.home.cat[c]} ${enUS.home.cat[c]}` }));
  const req = { required: true, whitespace: true, message: t('auth.required') };
  return (
    <Form<CompanyFormValues>
      form={form}
      layout="vertical"
      disabled={disabled}
      initialValues={{ companyType: 'manufacturer', mainProducts: [], ...initialValues }}
      onFinish={onFinish}
      scrollToFirstError
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="legalName" label={t('company.legalName')} rules={[req, { min: 2, message: t('auth.minChars', { min: 2 }) }]}>
            <Input maxLength={100} data-testid="company-legal-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="nameEn" label={t('company.nameEn')}>
            <Input maxLength={150} data-testid="company-name-en" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="uscc" label={t('company.uscc')} extra={t('company.usccHelp')}>
            <Input maxLength={18} style={{ textTransform: 'uppercase' }} data-testid="company-uscc" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="companyType" label={t('company.companyType')} rules={[{ required: true, message: t('auth.required') }]}>
            <Radio.Group data-testid="company-type" optionType="button" buttonStyle="solid" options={COMPANY_TYPES.map((ct) => ({ value: ct, label: t(`companyType.${ct}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="province" label={t('company.province')} rules={[{ required: true, message: t('auth.required') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={regions.isPending}
              data-testid="company-province"
              options={(regions.data ?? []).map((r) => ({ value: r.code, label: lang === 'en-US' ? r.en : r.zh }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="city" label={t('company.city')} rules={[req]}>
            <Input maxLength={50} data-testid="company-city" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="industry" label={t('company.industry')} rules={[req]}>
            <AutoComplete options={industryOptions} filterOption={(input, option) => (option?.value ?? '').toLowerCase().includes(input.toLowerCase())}>
              <Input maxLength={50} data-testid="company-industry" />
            </AutoComplete>
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="mainProducts" label={t('company.mainProducts')} extra={t('company.mainProductsHelp')}>
            <Select mode="tags" tokenSeparators={[',', ',', '、']} open={false} suffixIcon={null} maxCount={20} data-testid="company-main-products" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="description" label={t('company.description')}>
            <Input.TextArea rows={4} maxLength={5000} showCount data-testid="company-description" />
          </Form.Item>
        </Col>
      </Row>
      {!disabled && (
        <Button type="primary" htmlType="submit" size="large" loading={submitting} data-testid="company-submit">
          {submitLabel}
        </Button>
      )}
    </Form>
  );
}
