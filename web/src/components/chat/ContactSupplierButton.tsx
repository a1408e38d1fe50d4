import { MessageOutlined } from '@ant-design/icons';
import { Button, Modal, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import '../../i18n/messaging.js';
import { useMe } from '../../session.js';
import { ChatDrawer } from './ChatDrawer.js';

export interface ContactSupplierButtonProps {
  supplierCompanyId: string;
  /** The product the buyer is looking at: the conversation's context, offered as a card to send. */
  productId?: string;
  type?: 'primary' | 'default';
  size?: 'small' | 'middle' | 'large';
  block?: boolean;
}

/** 联系供应商: opens the chat drawer with the supplier; signed out, it asks to sign in first. */
export function ContactSupplierButton({ supplierCompanyId, productId, type = 'default', size, block }: ContactSupplierButtonProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const own = Boolean(me?.companies.some((c) => c.id === supplierCompanyId));
  const button = (
    <Button type={type} size={size} block={block} icon={<MessageOutlined />} disabled={own} onClick={() => setOpen(true)} data-testid="contact-supplier">
      {t('chat.contactSupplier')}
    </Button>
  );
  return (
    <>
      {own ? <Tooltip title={t('chat.ownCompany')}>{button}</Tooltip> : button}
      {me
        ? open && <ChatDrawer open={open} onClose={() => setOpen(false)} supplierCompanyId={supplierCompanyId} productId={productId} />
        : (
          <Modal open={open} onCancel={() => setOpen(false)} footer={null} title={t('chat.signInTitle')}>
            <Typography.Paragraph>{t('chat.signInText')}</Typography.Paragraph>
            <Link to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}><Button type="primary">{t('chat.signIn')}</Button></Link>
          </Modal>
        )}
    </>
  );
}
