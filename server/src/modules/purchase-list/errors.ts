import { defineErrors } from '../../platform/errors.js';

export const PurchaseListErrors = defineErrors({
  PURCHASE_LIST_ITEM_NOT_FOUND: { kind: 'not_found', en: 'This purchase list item does not exist (or is not yours).', zh: '进货单中没有这一项(或不属于您)。' },
  PURCHASE_LIST_SKU_NOT_FOUND: { kind: 'not_found', en: 'This product variant does not exist or is not on sale.', zh: '该商品规格不存在或未上架。' },
  PURCHASE_LIST_OWN_PRODUCT: { kind: 'invalid', en: 'This is your own company\'s product; it cannot go on your purchase list.', zh: '这是本公司的商品,不能加入进货单。' },
  PURCHASE_LIST_ABOVE_STOCK: {
    kind: 'conflict',
    en: 'Only {stock} {unitEn} in stock for this variant; your purchase list would hold {requested} {unitEn}.',
    zh: '该规格库存仅 {stock} {unitZh},进货单中将达到 {requested} {unitZh}。',
  },
  PURCHASE_LIST_UNAVAILABLE: { kind: 'conflict', en: 'This product is no longer on sale; you can only lower the quantity or remove it.', zh: '该商品已下架,只能减少数量或移除。' },
  PURCHASE_LIST_FULL: { kind: 'conflict', en: 'A purchase list holds at most {max} items; check out or remove some first.', zh: '进货单最多 {max} 项,请先下单或移除一些。' },
});
