import { defineErrors } from '../../platform/errors.js';

export const MessagingErrors = defineErrors({
  CONVERSATION_NOT_FOUND: { kind: 'not_found', en: 'There is no such conversation, or you are not part of it.', zh: '会话不存在,或您不是会话的一方。' },
  SUPPLIER_NOT_FOUND: { kind: 'not_found', en: 'There is no such supplier.', zh: '该供应商不存在。' },
  NOT_A_SUPPLIER: { kind: 'invalid', en: 'This company is not a supplier; chat is with supplier companies.', zh: '该企业不是供应商;旺旺只能与供应商企业沟通。' },
  OWN_COMPANY: { kind: 'conflict', en: 'You are a member of this company; you cannot open a conversation with your own company.', zh: '您是该企业的成员,不能与自己的企业发起会话。' },
  MESSAGE_NOT_FOUND: { kind: 'not_found', en: 'There is no such message in this conversation.', zh: '该会话中没有这条消息。' },
  ATTACHMENT_INVALID: { kind: 'invalid', en: 'The file cannot be sent: {reason}.', zh: '该文件不能发送:{reason}。' },
  CHAT_PRODUCT_NOT_FOUND: { kind: 'invalid', en: 'The product cannot be shown as a card: it does not exist or is not published.', zh: '该产品不存在或未发布,不能作为卡片发送。' },
  QUOTE_NOT_AVAILABLE: { kind: 'invalid', en: 'The quote cannot be shown as a card: it does not exist or is not part of this buyer and supplier\u2019s business.', zh: '该报价不存在或不属于此买卖双方,不能作为卡片发送。' },
  QUOTE_CARDS_UNAVAILABLE: { kind: 'invalid', en: 'Quote cards are not available on this platform yet.', zh: '暂不支持发送报价卡片。' },
  MESSAGE_EMPTY: { kind: 'invalid', en: 'The message is empty.', zh: '消息内容为空。' },
  SENDING_TOO_FAST: { kind: 'rate_limited', en: 'You are sending messages too fast; wait a moment.', zh: '发送过于频繁,请稍候。' },
  PROTOCOL_ERROR: { kind: 'invalid', en: 'The frame is not understood: {reason}.', zh: '无法识别的消息帧:{reason}。' },
});
