/**
 * Product input problems in words a seller understands. zod decides what is wrong with a product body; this file
 * says it — per field, in the reader's language — so the API (create, edit) and the importer report the same
 * sentences instead of zod's own ("Too small: expected string to have >=2 characters").
 */
import type { z } from 'zod';
import type { FieldError, Locale } from '../../platform/errors.js';
import { issueSentence } from '../../platform/issue-messages.js';
import { UNIT_NAMES, UNITS } from './rules.js';

type Label = { zh: string; en: string };

/** Names of the product fields as the product editor and the import template call them. */
export const FIELD_LABELS: Record<string, Label> = {
  categoryId: { zh: '类目', en: 'Category' },
  titleZh: { zh: '中文标题', en: 'Title (Chinese)' },
  titleEn: { zh: '英文标题', en: 'Title (English)' },
  descriptionZh: { zh: '中文描述', en: 'Description (Chinese)' },
  descriptionEn: { zh: '英文描述', en: 'Description (English)' },
  imageIds: { zh: '图片', en: 'Images' },
  attributes: { zh: '属性', en: 'Attributes' },
  skus: { zh: '规格', en: 'SKUs' },
  skuOptions: { zh: '规格组合', en: 'SKU options' },
  stock: { zh: '库存', en: 'Stock' },
  priceTiers: { zh: '阶梯价', en: 'Price tiers' },
  moq: { zh: '起订量', en: 'MOQ' },
  unit: { zh: '单位', en: 'Unit' },
  leadTimeDays: { zh: '发货期(天)', en: 'Lead time (days)' },
  sample: { zh: '样品', en: 'Sample' },
  origin: { zh: '产地', en: 'Origin' },
  dispatchProvince: { zh: '发货地', en: 'Dispatch province' },
};

const SUB_LABELS: Record<string, Label> = {
  minQuantity: { zh: '起订数量', en: 'minimum quantity' },
  unitPrice: { zh: '单价', en: 'unit price' },
  maxQuantity: { zh: '最多数量', en: 'maximum quantity' },
  code: { zh: '编码', en: 'code' },
  stock: { zh: '库存', en: 'stock' },
  attributes: { zh: '属性', en: 'attributes' },
  priceTiers: { zh: '阶梯价', en: 'price tiers' },
  id: { zh: 'id', en: 'id' },
};

/** "第 2 个规格的库存" / "SKU 2 stock": a readable name for a path inside the product body. */
export function fieldLabel(path: ReadonlyArray<PropertyKey>, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const parts: string[] = [];
  const [head, ...rest] = path.map(String);
  const top = head !== undefined ? FIELD_LABELS[head] : undefined;
  if (head === undefined) return zh ? '商品信息' : 'The product';
  if (!top) return head;
  let i = 0;
  if ((head === 'skus' || head === 'priceTiers' || head === 'imageIds') && rest[0] !== undefined && /^\d+$/.test(rest[0])) {
    const n = Number(rest[0]) + 1;
    const noun = { skus: zh ? `第 ${n} 个规格` : `SKU ${n}`, priceTiers: zh ? `第 ${n} 档价格` : `price tier ${n}`, imageIds: zh ? `第 ${n} 张图片` : `image ${n}` }[head];
    parts.push(noun);
    i = 1;
  } else {
    parts.push(zh ? top.zh : top.en);
  }
  for (; i < rest.length; i++) {
    const seg = rest[i]!;
    if (/^\d+$/.test(seg)) {
      const n = Number(seg) + 1;
      parts.push(zh ? `第 ${n} 档` : `tier ${n}`);
    } else if (head === 'attributes' || rest[i - 1] === 'attributes' || head === 'skuOptions') {
      parts.push(seg);
    } else {
      const sub = SUB_LABELS[seg];
      parts.push(sub ? (zh ? sub.zh : sub.en) : seg);
    }
  }
  return zh ? `「${parts.join('的')}」` : parts.join(' ');
}

const unitList = (locale: Locale) => UNITS.map((u) => (locale === 'zh-CN' ? `${UNIT_NAMES[u].zh}(${u})` : u)).join(locale === 'zh-CN' ? '、' : ', ');

/** One zod issue as a sentence naming the field: the catalog's own cases, then the platform's wording. */
export function issueMessage(issue: z.core.$ZodIssue, locale: Locale, label = fieldLabel(issue.path, locale)): string {
  const say = (zh: string, en: string) => (locale === 'zh-CN' ? zh : en);
  const key = issue.path[issue.path.length - 1];
  if (issue.code === 'invalid_value' && key === 'unit') return say(`${label}必须是以下之一:${unitList(locale)}`, `${label} must be one of: ${unitList(locale)}`);
  if (issue.code === 'invalid_format' && key === 'dispatchProvince') return say(`${label}必须是 6 位省级行政区代码(如 320000)`, `${label} must be a 6-digit province code (e.g. 320000)`);
  if (issue.code === 'invalid_key') return say(`${label}的属性名不正确(小写字母、数字和下划线)`, `${label} has an attribute name that is not lower-case letters, digits and underscores`);
  if (issue.code === 'custom' && issue.message.includes('three decimals')) return say(`${label}最多保留三位小数`, `${label} may have at most three decimals`);
  return issueSentence(issue, label, locale);
}

/** zod issues as field errors with dotted paths under the prefix ('body.titleZh'), in the reader's language. */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[], locale: Locale, prefix = 'body'): FieldError[] {
  return issues.map((issue) => ({ path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'), message: issueMessage(issue, locale) }));
}
