import { defineErrors } from '../../platform/errors.js';

export const InquiryErrors = defineErrors({
  INQUIRY_NOT_FOUND: { kind: 'not_found', en: 'No such inquiry.', zh: '询盘不存在。' },
  INQUIRY_INVALID: { kind: 'invalid', en: 'The inquiry has {count} problem(s); see the list.', zh: '询盘有 {count} 处问题,请查看明细。' },
  INQUIRY_REPLY_INVALID: { kind: 'invalid', en: 'The reply has {count} problem(s); see the list.', zh: '回复有 {count} 处问题,请查看明细。' },
  INQUIRY_ACTIVE_COMPANY_REQUIRED: { kind: 'forbidden', en: 'Choose the company you act for first: inquiries are sent and received by companies.', zh: '请先选择当前所代表的企业:询盘以企业名义发送和接收。' },
  INQUIRY_SUPPLIER_REQUIRED: { kind: 'invalid', en: 'Name the supplier (companyId) or at least one product to ask about.', zh: '请指定供应商(companyId)或至少一个要询问的商品。' },
  INQUIRY_SUPPLIER_NOT_FOUND: { kind: 'not_found', en: 'No such supplier.', zh: '供应商不存在。' },
  INQUIRY_NOT_A_SUPPLIER: { kind: 'invalid', en: 'This company does not sell on the platform, so it cannot receive inquiries.', zh: '该企业不是供应商,不能接收询盘。' },
  INQUIRY_OWN_COMPANY: { kind: 'conflict', en: 'You cannot send an inquiry to a company you belong to.', zh: '不能向自己所在的企业发送询盘。' },
  INQUIRY_RATE_LIMITED: { kind: 'rate_limited', en: 'You have sent {limit} inquiries in the past hour, the most allowed; try again in {minutes} minutes.', zh: '您在过去一小时内已发送 {limit} 条询盘,已达上限;请在 {minutes} 分钟后再试。' },
  INQUIRY_CLOSED: { kind: 'conflict', en: 'The inquiry is closed; reopen it to continue the conversation.', zh: '询盘已关闭;如需继续沟通,请先重新打开。' },
  INQUIRY_NOT_CLOSED: { kind: 'conflict', en: 'The inquiry is not closed.', zh: '询盘未关闭。' },
  INQUIRY_QUOTE_SUPPLIER_ONLY: { kind: 'forbidden', en: 'Only the supplier can send a quote.', zh: '只有供应商可以报价。' },
  INQUIRY_ASSIGN_SUPPLIER_ONLY: { kind: 'forbidden', en: 'Only the supplier handles assignment of its inquiries.', zh: '只有供应商可以分配询盘。' },
  INQUIRY_ASSIGNEE_NOT_HANDLER: { kind: 'invalid', en: 'The person must be a member of the supplier who handles inquiries (owner, admin or sales).', zh: '被分配人须为供应商中负责询盘的成员(所有者、管理员或销售)。' },
});
