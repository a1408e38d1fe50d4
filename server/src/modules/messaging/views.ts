import type { Actor } from '../../platform/context.js';
import { can } from '../../platform/policy.js';
import type { Side } from './events.js';
import type { Attachment, ConversationRow, MessageKind, MessageRow } from './store.js';

export interface MessageView {
  id: string;
  conversationId: string;
  seq: number;
  clientMsgId: string | null;
  senderUserId: string;
  senderName: string;
  side: Side;
  kind: MessageKind;
  text: string | null;
  attachment: (Attachment & { url: string }) | null;
  card: Record<string, unknown> | null;
  createdAt: Date;
}

/** Attachments are downloaded through the conversation (the other side is not a member of the uploader's company). */
export function attachmentUrl(conversationId: string, fileId: string): string {
  return `/api/v1/conversations/${conversationId}/files/${fileId}`;
}

export function toMessageView(m: MessageRow): MessageView {
  return {
    id: m.id, conversationId: m.conversation_id, seq: m.seq, clientMsgId: m.client_msg_id, senderUserId: m.sender_user_id, senderName: m.sender_name,
    side: m.side, kind: m.kind, text: m.body,
    attachment: m.attachment ? { ...m.attachment, url: attachmentUrl(m.conversation_id, m.attachment.fileId) } : null,
    card: m.card, createdAt: m.created_at,
  };
}

/** The companies whose conversations this person answers (any member with company.messages.handle). */
export function handledCompanies(actor: Actor): string[] {
  return actor.memberships.filter((m) => can(actor, 'company.messages.handle', m.companyId)).map((m) => m.companyId);
}

/** Which side of the conversation the person is on; null when not a party. */
export function sideOf(actor: Actor, c: Pick<ConversationRow, 'buyer_user_id' | 'supplier_company_id'>): Side | null {
  if (c.buyer_user_id === actor.userId) return 'buyer';
  if (can(actor, 'company.messages.handle', c.supplier_company_id)) return 'supplier';
  return null;
}

/** Presence subjects: a buyer is a person; a supplier is its company (online when any handling member is). */
export const userSubject = (userId: string) => `user:${userId}`;
export const companySubject = (companyId: string) => `company:${companyId}`;

/** The presence subject of the other side, seen from `side`. */
export function counterpartSubject(side: Side, c: { buyerUserId: string; supplierCompanyId: string }): string {
  return side === 'buyer' ? companySubject(c.supplierCompanyId) : userSubject(c.buyerUserId);
}

export function otherSide(side: Side): Side {
  return side === 'buyer' ? 'supplier' : 'buyer';
}
