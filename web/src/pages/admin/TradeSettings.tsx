import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, InputNumber, Row, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemDetail } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';
import '../../i18n/orders.js';
import type { TradeSettings } from '../workbench/orders/model.js';

/** The form's values: the fee as a percentage (2 = 2%), the rest as stored. */
type Values = Omit<TradeSettings, 'feeBps'> & { feePct: number };

/** /admin/trade-settings — platform fee, unpaid timeout, auto-confirm, after-sales window and credit term (operators). */
export default function AdminTradeSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const q = useQuery({ queryKey: ['admin', 'trade-settings'], queryFn: () => api<TradeSettings>('/admin/trade-settings') });
  useEffect(() => {
    if (q.data) {
      const { feeBps, ...rest } = q.data;
      form.setFieldsValue({ ...rest, feePct: feeBps / 100 });
    }
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: ({ feePct, ...rest }: Values) => api<TradeSettings>('/admin/trade-settings', { method: 'PUT', body: { ...rest, feeBps: Math.round(feePct * 100) } }),
    onSuccess: (s) => {
      qc.setQueryData(['admin', 'trade-settings'], s);
      message.success(t('orders.trade.saved'));
    },
    onError: (e) => message.error(problemDetail(e)),
  });
  const field = (name: keyof Values, label: string, props: { min: number; max: number; precision?: number; suffix?: string }, extra?: string) => (
    <Col xs={24} md={12} xl={8}>
      <Form.Item name={name} label={label} extra={extra} rules={[{ required: true }]}>
        <InputNumber style={{ width: '100%' }} min={props.min} max={props.max} precision={props.precision ?? 0} suffix={props.suffix} data-testid={`trade-${name}`} />
      </Form.Item>
    </Col>
  );
  return (
    <Card title={t('orders.trade.title')} data-testid="trade-settings">
      <Typography.Paragraph type="secondary">{t('orders.trade.hint')}</Typography.Paragraph>
      <ProblemAlert error={q.error} style={{ marginBottom: 12 }} />
      {q.isLoading ? <Skeleton active /> : (
        <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} style={{ maxWidth: 960 }}>
          <Row gutter={16}>
            {field('feePct', t('orders.trade.feeBps'), { min: 0, max: 30, precision: 2, suffix: '%' }, t('orders.trade.feeHelp'))}
            {field('unpaidTimeoutHours', t('orders.trade.unpaidTimeoutHours'), { min: 1, max: 720 })}
            {field('autoConfirmDays', t('orders.trade.autoConfirmDays'), { min: 1, max: 60 })}
            {field('afterSalesWindowDays', t('orders.trade.afterSalesWindowDays'), { min: 0, max: 90 })}
            {field('creditTermDays', t('orders.trade.creditTermDays'), { min: 1, max: 180 })}
          </Row>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="trade-save">{t('orders.trade.save')}</Button>
        </Form>
      )}
    </Card>
  );
}
