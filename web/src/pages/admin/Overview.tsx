import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../api.js';
import { api } from '../../api.js';
import { ProblemAlert } from '../../components/Problem.js';

export default function AdminOverview() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['admin', 'overview'], queryFn: () => api<Overview>('/admin/overview'), refetchInterval: 10_000 });
  if (q.isPending) return <Skeleton active />;
  if (q.error) return <ProblemAlert error={q.error} />;
  const o = q.data;
  const stats = [
    { key: 'jobsPending', value: o.jobs.pending ?? 0 },
    { key: 'jobsRunning', value: o.jobs.running ?? 0 },
    { key: 'jobsFailed', value: o.jobs.failed ?? 0, danger: true },
    { key: 'eventsPending', value: o.eventsPending },
  ];
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('admin.overview')}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        {stats.map((s) => (
          <Col key={s.key} xs={12} md={6}>
            <Card data-testid={`overview-${s.key}`}>
              <Statistic title={t(`admin.${s.key}`)} value={s.value} styles={{ content: s.danger && s.value > 0 ? { color: '#cf1322' } : undefined }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card style={{ marginTop: 12 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12}>
            {t('admin.database')}: <Tag color="blue">{o.database}</Tag>
          </Col>
          <Col xs={24} md={12}>
            {t('admin.mailTransport')}: <Tag color="blue">{o.mailTransport}</Tag>
          </Col>
        </Row>
      </Card>
    </>
  );
}
