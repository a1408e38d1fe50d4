import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Company, Me } from '../api.js';
import { api, ProblemError } from '../api.js';
import { CompanyForm, toCompanyInput } from '../components/CompanyForm.js';
import type { CompanyFormValues } from '../components/CompanyForm.js';
import { ProblemAlert } from '../components/Problem.js';
import { ME_KEY } from '../session.js';
import { applyFieldErrors } from './formErrors.js';
import { Form } from 'antd';

export default function CompanyNew() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<CompanyFormValues>();
  const create = useMutation({
    mutationFn: (v: CompanyFormValues) => api<Company>('/companies', { method: 'POST', body: toCompanyInput(v) }),
    onSuccess: async (company) => {
      try {
        qc.setQueryData(ME_KEY, await api<Me>('/me/active-company', { method: 'PUT', body: { companyId: company.id } }));
      } catch {
        await qc.invalidateQueries({ queryKey: ME_KEY });
      }
      message.success(t('company.created'));
      await navigate(company.companyType === 'buyer' ? '/workbench/buyer' : '/workbench/seller');
    },
    onError: (e) => {
      if (e instanceof ProblemError) applyFieldErrors(form, e);
    },
  });
  return (
    <Card style={{ maxWidth: 900, margin: '0 auto' }}>
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('company.newTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('company.newSubtitle')}</Typography.Paragraph>
      <ProblemAlert error={create.error} style={{ marginBottom: 16 }} />
      <CompanyForm form={form} onFinish={(v) => create.mutate(v)} submitting={create.isPending} submitLabel={t('company.submit')} />
    </Card>
  );
}
