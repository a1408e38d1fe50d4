import { defineErrors } from '../../platform/errors.js';

export const ReviewsErrors = defineErrors({
  REVIEW_NOT_FOUND: { kind: 'not_found', en: 'This review does not exist.', zh: '该评价不存在。' },
  REVIEW_ORDER_NOT_FOUND: { kind: 'not_found', en: 'This order does not exist (or is not yours).', zh: '该订单不存在(或不属于您)。' },
  REVIEW_NOT_ALLOWED_YET: { kind: 'conflict', en: 'An order can be reviewed once its goods are received (it is {status} now).', zh: '确认收货后才能评价订单(当前状态:{status})。' },
  REVIEW_ALREADY_EXISTS: { kind: 'conflict', en: 'This order has already been reviewed; a review is written once.', zh: '该订单已评价过,每个订单只能评价一次。' },
  REVIEW_ALREADY_REPLIED: { kind: 'conflict', en: 'The supplier has already replied to this review; a reply is written once.', zh: '已回复过该评价,每条评价只能回复一次。' },
  REVIEW_QUERY_INVALID: { kind: 'invalid', en: 'List reviews of one product (productId) or one supplier (companyId).', zh: '请指定一个商品(productId)或一个供应商(companyId)来查看评价。' },
});
