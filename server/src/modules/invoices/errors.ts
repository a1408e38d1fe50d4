import { defineErrors } from '../../platform/errors.js';

export const InvoiceErrors = defineErrors({
  INVOICE_PROFILE_NOT_FOUND: { kind: 'not_found', en: 'This invoice profile does not exist.', zh: '该开票信息不存在。' },
  INVOICE_PROFILE_INVALID: { kind: 'invalid', en: 'The invoice profile is not complete: {reason}.', zh: '开票信息不完整:{reason}。' },
  INVOICE_PROFILE_LIMIT: { kind: 'conflict', en: 'A company keeps at most {max} invoice profiles; remove one first.', zh: '每家企业最多保存 {max} 条开票信息,请先删除一条。' },
  INVOICE_ORDER_NOT_FOUND: { kind: 'not_found', en: 'This order does not exist.', zh: '该订单不存在。' },
  INVOICE_ORDER_NOT_INVOICEABLE: { kind: 'conflict', en: 'An invoice can be recorded only once the order is paid (it is {status}).', zh: '订单付款后才能登记发票(当前状态:{status})。' },
  INVOICE_AMOUNT_EXCEEDS_ORDER: {
    kind: 'conflict',
    en: 'The invoices would total more than the order: {remaining} is left to invoice.',
    zh: '发票金额合计将超过订单金额:尚可开票 {remaining}。',
  },
  INVOICE_NUMBER_TAKEN: { kind: 'conflict', en: 'You already recorded an invoice numbered {number}.', zh: '发票号码 {number} 已登记过。' },
  INVOICE_FILE_INVALID: { kind: 'invalid', en: 'The invoice file must be a file your company uploaded.', zh: '发票文件必须是本企业上传的文件。' },
  INVOICE_NOT_FOUND: { kind: 'not_found', en: 'This invoice does not exist.', zh: '该发票不存在。' },
});
