import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Grid, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, problemDetail } from '../../api.js';
import '../../i18n/messaging.js';
import { ChatThread, counterpartName, type ConversationView } from './ChatThread.js';

/**
 * A side panel to chat with a supplier from a product or shop page: opens (or reopens) the buyer's conversation
 * with the supplier, with the product as its context, and shows the thread.
 */
export function ChatDrawer({ open, onClose, supplierCompanyId, productId }: { open: boolean; onClose: () => void; supplierCompanyId: string; productId?: string | undefined }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const conversation = useQuery({
    queryKey: ['chat', 'open', supplierCompanyId, productId ?? null],
    queryFn: () => api<ConversationView>('/conversations', { method: 'POST', body: { supplierCompanyId, ...(productId ? { productId } : {}) } }),
    enabled: open,
    staleTime: 60_000,
    retry: false,
  });
  const c = conversation.data;
  return (
    <Drawer
      open={open} onClose={onClose} width={screens.md ? 440 : '100%'} destroyOnHidden
      title={c ? t('chat.chatWith', { name: counterpartName(c) }) : t('chat.contactSupplier')}
      extra={c ? <Link to={`/workbench/messages?c=${c.id}`}><Button size="small">{t('chat.openInWorkbench')}</Button></Link> : null}
      styles={{ body: { padding: 0, display: 'flex', flexDirection: 'column' } }}
      data-testid="chat-drawer"
    >
      {conversation.isLoading && <div style={{ padding: 16 }}><Skeleton active /></div>}
      {conversation.error && <Alert type="error" showIcon style={{ margin: 16 }} message={problemDetail(conversation.error)} />}
      {c && <ChatThread conversation={c} height="100%" productId={productId} />}
    </Drawer>
  );
}
