import { defineErrors } from '../../platform/errors.js';

export const CatalogErrors = defineErrors({
  CATEGORY_NOT_FOUND: { kind: 'not_found', en: 'No such category.', zh: '类目不存在。' },
  CATEGORY_INVALID: { kind: 'invalid', en: 'The category has {count} problem(s); see the list.', zh: '类目有 {count} 处问题,请查看明细。' },
  CATEGORY_CODE_TAKEN: { kind: 'conflict', en: 'A category with the code {code} already exists.', zh: '类目代码 {code} 已存在。' },
  CATEGORY_IN_USE: { kind: 'conflict', en: 'Products are listed under this category, so its attributes can only be added to or relaxed, not removed or retyped.', zh: '该类目下已有商品,属性只能新增或放宽,不能删除或改变类型。' },
  CATEGORY_HAS_PRODUCTS: { kind: 'conflict', en: 'Products are listed directly in this category; it cannot get subcategories.', zh: '该类目下直接挂有商品,不能再添加子类目。' },
  PRODUCT_NOT_FOUND: { kind: 'not_found', en: 'No such product.', zh: '商品不存在。' },
  PRODUCT_INVALID: { kind: 'invalid', en: 'The product has {count} problem(s); see the list.', zh: '商品信息有 {count} 处问题,请查看明细。' },
  ACTIVE_COMPANY_REQUIRED: { kind: 'forbidden', en: 'Choose the company you act for before listing products.', zh: '请先选择当前所代表的企业,再发布商品。' },
  SUPPLIER_ONLY: { kind: 'forbidden', en: 'Only supplier companies (manufacturers and trading companies) can list products.', zh: '只有供应商企业(生产厂家或贸易公司)才能发布商品。' },
  PRODUCT_ALREADY_PUBLISHED: { kind: 'conflict', en: 'The product is already published.', zh: '商品已经上架。' },
  PRODUCT_NOT_PUBLISHED: { kind: 'conflict', en: 'The product is not published.', zh: '商品未上架。' },
  PRODUCT_DELETE_PUBLISHED: { kind: 'conflict', en: 'Delist the product before deleting it.', zh: '请先下架商品再删除。' },
  PUBLISH_LIMIT_REACHED: { kind: 'conflict', en: 'Your membership allows {limit} published products and all are in use; delist one or upgrade TrustPass.', zh: '您的会员最多可上架 {limit} 个商品,已达上限;请先下架部分商品或升级诚信通。' },
  BELOW_MOQ: { kind: 'invalid', en: 'The minimum order is {moq} {unitEn}.', zh: '最小起订量为 {moq} {unitZh}。' },
  ABOVE_STOCK: { kind: 'invalid', en: 'Only {stock} {unitEn} are in stock.', zh: '库存仅剩 {stock} {unitZh}。' },
  SKU_REQUIRED: { kind: 'invalid', en: 'This product comes in {count} variants; choose one (sku).', zh: '该商品有 {count} 个规格,请选择一个规格(sku)。' },
  SKU_NOT_FOUND: { kind: 'invalid', en: 'The product has no such variant.', zh: '该商品没有此规格。' },
  IMPORT_NOT_FOUND: { kind: 'not_found', en: 'No such import.', zh: '导入任务不存在。' },
  IMPORT_CATEGORY_NOT_LEAF: { kind: 'invalid', en: 'Choose a bottom-level category: products are listed only there.', zh: '请选择最末级类目:商品只能发布在最末级类目下。' },
  QUANTITY_TOO_LARGE: { kind: 'invalid', en: 'The quantity is too large to price.', zh: '数量过大,无法计算价格。' },
});
