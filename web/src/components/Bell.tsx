import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder until notifications land: an empty popover. */
export function Bell() {
  const { t } = useTranslation();
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('common.notifications')}
      content={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noNotifications')} />}
    >
      <Badge count={0} size="small">
        <Button type="text" size="small" icon={<BellOutlined />} aria-label={t('common.notifications')} data-testid="bell" />
      </Badge>
    </Popover>
  );
}
