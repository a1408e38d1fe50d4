import { Card, Skeleton } from 'antd';

export function PageSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Card variant="borderless" data-testid="skeleton">
      <Skeleton active paragraph={{ rows }} />
    </Card>
  );
}
