import { defineErrors } from '../../platform/errors.js';

export const FavoritesErrors = defineErrors({
  FAVORITE_NOT_FOUND: { kind: 'not_found', en: 'This bookmark does not exist (or is not yours).', zh: '该收藏不存在(或不属于您)。' },
  FAVORITE_FOLDER_NOT_FOUND: { kind: 'not_found', en: 'This favorites folder does not exist (or is not yours).', zh: '该收藏夹不存在(或不属于您)。' },
  FAVORITE_FOLDER_NAME_TAKEN: { kind: 'conflict', en: 'You already have a folder named "{name}".', zh: '您已有名为「{name}」的收藏夹。' },
  FAVORITE_FOLDER_LIMIT: { kind: 'conflict', en: 'You can have at most {max} folders; delete one first.', zh: '最多可建 {max} 个收藏夹,请先删除一个。' },
  FAVORITE_DEFAULT_FOLDER: { kind: 'conflict', en: 'The default folder cannot be deleted; rename it if you like.', zh: '默认收藏夹不能删除,可以重命名。' },
  FAVORITE_PRODUCT_NOT_FOUND: { kind: 'not_found', en: 'This product does not exist or is not on sale.', zh: '该商品不存在或未上架。' },
  FAVORITE_SUPPLIER_NOT_FOUND: { kind: 'not_found', en: 'This supplier does not exist.', zh: '该供应商不存在。' },
  FAVORITE_NOT_A_SUPPLIER: { kind: 'invalid', en: 'Only supplier companies (manufacturers and trading companies) can be saved as suppliers.', zh: '只能收藏供应商企业(生产厂家、贸易公司)。' },
  FAVORITE_INPUT_INVALID: { kind: 'invalid', en: 'The bookmark is not valid: {reason}.', zh: '收藏内容不合法:{reason}。' },
  FAVORITE_LIMIT: { kind: 'conflict', en: 'You can keep at most {max} bookmarks; remove some first.', zh: '最多可收藏 {max} 项,请先移除一些。' },
});
