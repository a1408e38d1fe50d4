import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ProblemError, problemDetail } from '../../api.js';
import '../../i18n/adminCatalog.js';
import { applyFieldErrors } from '../formErrors.js';
import type { ProductView } from '../catalog/model.js';

/**
 * The operator's takedown: a required reason the seller will read. Used by the console's product list and by the
 * public product page; on success every cached view of the product and the lists are refreshed.
 */
export function TakedownModal({ product, open, onClose }: { product: { id: string; title: string } | null; open: boolean; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const takedown = useMutation({
    mutationFn: (reason: string) => api<ProductView>(`/admin/products/${product?.id ?? ''}/takedown`, { method: 'POST', body: { reason } }),
    onSuccess: async (view) => {
      qc.setQueryData(['product', view.id], view);
      await qc.invalidateQueries({ queryKey: ['admin', 'products'] });
      void message.success(t('adminCatalog.takenDownMessage'));
      form.resetFields();
      onClose(true);
    },
    onError: (err) => {
      if (err instanceof ProblemError) applyFieldErrors(form, err);
    },
  });
  return (
    <Modal
      open={open}
      title={t('adminCatalog.takeDownTitle')}
      okText={t('adminCatalog.confirmTakeDown')}
      okButtonProps={{ danger: true, loading: takedown.isPending, 'data-testid': 'takedown-confirm' }}
      cancelText={t('common.cancel')}
      // Through the form's submit: an invalid reason then only shows its message and keeps the modal open, where a bare
      // validateFields() promise rejected with nobody to catch it.
      onOk={() => form.submit()}
      onCancel={() => {
        takedown.reset();
        onClose(false);
      }}
      destroyOnHidden
    >
      <div data-testid="takedown-modal">
      <Typography.Paragraph type="secondary">{t('adminCatalog.takeDownIntro', { title: product?.title ?? '' })}</Typography.Paragraph>
      {takedown.error && !(takedown.error instanceof ProblemError && takedown.error.errors.length) && (
        <Alert type="error" showIcon title={problemDetail(takedown.error)} style={{ marginBottom: 12 }} data-testid="problem" />
      )}
      <Form<{ reason: string }> form={form} layout="vertical" preserve={false} onFinish={(v) => takedown.mutate(v.reason.trim())}>
        <Form.Item
          name="reason"
          label={t('adminCatalog.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('adminCatalog.reasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('adminCatalog.reasonPlaceholder')} data-testid="takedown-reason-input" />
        </Form.Item>
      </Form>
      </div>
    </Modal>
  );
}
