import { defineErrors } from '../../platform/errors.js';

export const RfqErrors = defineErrors({
  RFQ_NOT_FOUND: { kind: 'not_found', en: 'There is no such RFQ, or it is not visible to you.', zh: '该询价单不存在,或您无权查看。' },
  QUOTE_NOT_FOUND: { kind: 'not_found', en: 'There is no such quote, or it is not visible to you.', zh: '该报价不存在,或您无权查看。' },
  RFQ_ATTACHMENT_NOT_FOUND: { kind: 'not_found', en: 'This attachment does not belong to the RFQ or quote.', zh: '该附件不属于此询价单或报价。' },
  RFQ_ACTIVE_COMPANY_REQUIRED: { kind: 'forbidden', en: 'Choose the company you act for first.', zh: '请先选择当前所代表的企业。' },
  RFQ_INVALID: { kind: 'invalid', en: 'The RFQ has {count} problem(s); see the list.', zh: '询价单有 {count} 处问题,请查看明细。' },
  QUOTE_INVALID: { kind: 'invalid', en: 'The quote has {count} problem(s); see the list.', zh: '报价有 {count} 处问题,请查看明细。' },
  RFQ_NOT_OPEN: { kind: 'conflict', en: 'This RFQ is {status}; it takes no more quotes or changes.', zh: '该询价单{statusZh},不再接受报价或修改。' },
  RFQ_DEADLINE_PASSED: { kind: 'conflict', en: 'The quote deadline of this RFQ has passed; quotes can no longer be submitted or revised.', zh: '该询价单已过报价截止时间,不能再提交或修改报价。' },
  RFQ_HAS_QUOTES: { kind: 'conflict', en: 'Suppliers have already quoted on this RFQ, so it can no longer be edited; close it and post a new one if the need changed.', zh: '已有供应商报价,询价单不能再修改;如需求有变,请关闭后重新发布。' },
  RFQ_ALREADY_AWARDED: { kind: 'conflict', en: 'A quote on this RFQ has already been accepted.', zh: '该询价单已接受了一个报价。' },
  RFQ_ALREADY_ENDED: { kind: 'conflict', en: 'This RFQ is already {status}.', zh: '该询价单{statusZh}。' },
  RFQ_DECISION_WINDOW_OVER: { kind: 'conflict', en: 'The decision window of this RFQ ended on {until}; quotes can no longer be accepted.', zh: '该询价单的决策期已于 {until} 结束,不能再接受报价。' },
  QUOTE_NOT_PENDING: { kind: 'conflict', en: 'This quote is already {status}.', zh: '该报价{statusZh}。' },
  QUOTE_ALREADY_SUBMITTED: { kind: 'conflict', en: 'Your company already has a live quote on this RFQ; revise it instead.', zh: '贵公司已对该询价单报价,请修改原报价。' },
  QUOTE_OWN_RFQ: { kind: 'conflict', en: 'A company cannot quote on its own RFQ.', zh: '不能对本企业发布的询价单报价。' },
  QUOTE_SUPPLIERS_ONLY: { kind: 'conflict', en: 'Only supplier companies (manufacturers and trading companies) can quote.', zh: '只有供应商企业(生产厂家、贸易公司)可以报价。' },
  QUOTE_NOT_INVITED: { kind: 'forbidden', en: 'This RFQ is by invitation; your company was not invited.', zh: '该询价单仅限受邀供应商报价,贵公司未受邀。' },
  QUOTE_GRADE_TOO_LOW: { kind: 'forbidden', en: 'The buyer asks for suppliers rated {minGrade} or better; your company is rated {grade}.', zh: '采购方要求供应商信用等级不低于 {minGrade},贵公司为 {grade}。' },
  QUOTE_QUOTA_EXCEEDED: { kind: 'conflict', en: 'Your membership allows {quota} new quotes per month and all are used; the quota resets on {resetsOn}. TrustPass raises it.', zh: '您的会员每月可报价 {quota} 次,本月已用完;额度将于 {resetsOn} 重置。开通诚信通可提高额度。' },
  QUOTE_THREAD_CLOSED: { kind: 'conflict', en: 'This quote was withdrawn; its thread is closed.', zh: '该报价已撤回,沟通已关闭。' },
});
