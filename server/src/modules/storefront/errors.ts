import { defineErrors } from '../../platform/errors.js';

export const StorefrontErrors = defineErrors({
  SHOP_NOT_FOUND: { kind: 'not_found', en: 'There is no shop at this address.', zh: '该旺铺不存在。' },
  SHOP_SUPPLIERS_ONLY: { kind: 'conflict', en: 'Only supplier companies (manufacturers and trading companies) have a shop. Change the company type to open one.', zh: '只有供应商企业(生产厂家、贸易公司)才有旺铺。如需开通,请修改企业类型。' },
  SLUG_INVALID: { kind: 'invalid', en: 'The shop address is not valid: {reason}.', zh: '旺铺地址不合法:{reason}。' },
  SLUG_RESERVED: { kind: 'invalid', en: 'The shop address "{slug}" is reserved by the platform; choose another.', zh: '旺铺地址「{slug}」为平台保留,请换一个。' },
  SLUG_TAKEN: { kind: 'conflict', en: 'The shop address "{slug}" is already used by another shop; choose another.', zh: '旺铺地址「{slug}」已被其他旺铺使用,请换一个。' },
  SHOP_INVALID: { kind: 'invalid', en: 'The shop settings have {count} problem(s); see the list.', zh: '旺铺设置有 {count} 处问题,请查看明细。' },
  SECTIONS_INVALID: { kind: 'invalid', en: 'The shop layout does not fit the rules of the "{template}" template.', zh: '旺铺版块不符合「{template}」模板的规则。' },
  SECTION_CONTENT_INVALID: { kind: 'invalid', en: 'Some sections refer to products, images or categories that cannot be shown in your shop.', zh: '部分版块引用了不能在您旺铺展示的产品、图片或类目。' },
  TEMPLATE_UNKNOWN: { kind: 'invalid', en: 'There is no storefront template "{template}".', zh: '不存在旺铺模板「{template}」。' },
});
