import { defineErrors } from '../../platform/errors.js';

export const TrustpassErrors = defineErrors({
  PLAN_NOT_FOUND: { kind: 'not_found', en: 'No such TrustPass plan.', zh: '诚信通套餐不存在。' },
  PLAN_NOT_AVAILABLE: { kind: 'conflict', en: 'This TrustPass plan is no longer sold.', zh: '该诚信通套餐已停售。' },
  PLAN_CODE_TAKEN: { kind: 'conflict', en: 'Another plan already has this code.', zh: '套餐代码已被使用。' },
  PURCHASE_NOT_FOUND: { kind: 'not_found', en: 'No such TrustPass purchase.', zh: '诚信通订单不存在。' },
  VERIFICATION_REQUIRED: { kind: 'conflict', en: 'Only companies that passed business registration verification can buy TrustPass.', zh: '通过工商认证的企业才能购买诚信通。' },
  PLAN_SWITCH_WHILE_ACTIVE: { kind: 'conflict', en: 'Renew with your current plan while it runs; switch plans when it ends.', zh: '会员有效期内请续费当前套餐,到期后可更换套餐。' },
});
