/**
 * Shop layout problems in words a seller understands. The route schema decides what is wrong with a storefront body;
 * this file says it per field, in the reader's language, instead of zod's own wording (which, for the phone, even
 * quotes the regular expression). Paths stay zod's ('body.sections.3.data.items.0.name') so the editor can put each
 * message on its section.
 */
import type { z } from 'zod';
import type { FieldError, Locale } from '../../platform/errors.js';
import { issueSentence } from '../../platform/issue-messages.js';
import { SECTION_TYPES, type SectionType } from './sections.js';

type Label = { zh: string; en: string };

/** Section names as the shop editor shows them. */
const SECTION_NAMES: Record<SectionType, Label> = {
  banner: { zh: '横幅', en: 'Banner' },
  featured_products: { zh: '推荐产品', en: 'Featured products' },
  shop_categories: { zh: '产品分类', en: 'Product categories' },
  company_profile: { zh: '公司介绍', en: 'Company profile' },
  certificates: { zh: '资质证书', en: 'Certificates' },
  contact_card: { zh: '联系卡片', en: 'Contact card' },
};

const TOP_LABELS: Record<string, Label> = {
  slug: { zh: '旺铺地址', en: 'Shop address' },
  themeColor: { zh: '主题色', en: 'Theme colour' },
  sections: { zh: '版块', en: 'Sections' },
};

/** The editor's field names (web i18n storefront.ts), so a message names the box the seller typed into. */
const DATA_LABELS: Record<string, Label> = {
  imageFileId: { zh: '图片', en: 'image' },
  headlineZh: { zh: '标语(中文)', en: 'headline (Chinese)' },
  headlineEn: { zh: '标语(英文)', en: 'headline (English)' },
  productIds: { zh: '产品', en: 'products' },
  categoryIds: { zh: '分类', en: 'categories' },
  textZh: { zh: '公司介绍(中文)', en: 'introduction (Chinese)' },
  textEn: { zh: '公司介绍(英文)', en: 'introduction (English)' },
  photoFileIds: { zh: '照片', en: 'photos' },
  items: { zh: '证书', en: 'certificates' },
  name: { zh: '证书名称', en: 'name' },
  issuer: { zh: '发证机构', en: 'issuer' },
  validUntil: { zh: '有效期至', en: 'valid-until date' },
  contactName: { zh: '联系人', en: 'contact person' },
  phone: { zh: '电话', en: 'phone' },
  email: { zh: '邮箱', en: 'email' },
  address: { zh: '地址', en: 'address' },
  visible: { zh: '展示', en: 'visibility' },
  type: { zh: '类型', en: 'type' },
  id: { zh: '编号', en: 'id' },
};

const isIndex = (seg: string | undefined): seg is string => seg !== undefined && /^\d+$/.test(seg);

function sectionTypeAt(body: unknown, index: number): SectionType | null {
  const sections = (body as { sections?: unknown } | null)?.sections;
  const type = Array.isArray(sections) ? (sections[index] as { type?: unknown } | undefined)?.type : undefined;
  return typeof type === 'string' && (SECTION_TYPES as readonly string[]).includes(type) ? (type as SectionType) : null;
}

/** 「第 4 个版块(联系卡片)的电话」 / "Section 4 (Contact card): phone": the field a path inside the body names. */
export function fieldLabel(path: ReadonlyArray<PropertyKey>, body: unknown, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const [head, ...rest] = path.map(String);
  if (head === undefined) return zh ? '旺铺设置' : 'The shop';
  const top = TOP_LABELS[head];
  if (!top) return head;
  if (head !== 'sections' || !isIndex(rest[0])) return zh ? `「${top.zh}」` : top.en;
  const n = Number(rest[0]);
  const type = sectionTypeAt(body, n);
  const section = type ? (zh ? `第 ${n + 1} 个版块(${SECTION_NAMES[type].zh})` : `Section ${n + 1} (${SECTION_NAMES[type].en})`) : (zh ? `第 ${n + 1} 个版块` : `Section ${n + 1}`);
  const parts: string[] = [];
  for (let i = 1; i < rest.length; i++) {
    const seg = rest[i]!;
    if (seg === 'data') continue;
    if (isIndex(seg)) {
      const k = Number(seg) + 1;
      if (rest[i - 1] === 'items') parts[parts.length - 1] = zh ? `第 ${k} 张证书` : `certificate ${k}`;
      else parts.push(zh ? `第 ${k} 项` : `entry ${k}`);
      continue;
    }
    const label = DATA_LABELS[seg];
    parts.push(label ? (zh ? label.zh : label.en) : seg);
  }
  if (parts.length === 0) return zh ? `「${section}」` : section;
  return zh ? `「${section}的${parts.join('的')}」` : `${section}: ${parts.join(' ')}`;
}

/** One zod issue as a sentence naming the field. */
export function issueMessage(issue: z.core.$ZodIssue, body: unknown, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const say = (z: string, e: string) => (zh ? z : e);
  const label = fieldLabel(issue.path, body, locale);
  const key = String(issue.path[issue.path.length - 1] ?? '');
  // The fields whose rule is a format the seller should hear spelled out, whatever zod calls the failure.
  if (key === 'phone' && issue.code !== 'too_big') return say(`${label}只能包含数字、空格和 + - ( )`, `${label} may contain only digits, spaces and + - ( )`);
  if (key === 'email' && issue.code !== 'too_big') return say(`${label}不是有效的邮箱地址`, `${label} is not a valid email address`);
  if (key === 'themeColor') return say(`${label}须为 #RRGGBB 格式的颜色(如 #F25C05)`, `${label} must be a colour like #F25C05`);
  if (key === 'validUntil' && issue.code !== 'invalid_type') return say(`${label}须为 YYYY-MM-DD 格式的日期`, `${label} must be a date like 2027-12-31`);
  // A section whose type is missing or unknown fails the discriminated union.
  if (issue.code === 'invalid_union' && issue.path.length === 2) return say(`${label}的类型不存在`, `${label} has an unknown section type`);
  return issueSentence(issue, label, locale);
}

/** zod issues as field errors with dotted paths under 'body', in the reader's language. */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[], body: unknown, locale: Locale): FieldError[] {
  return issues.map((issue) => ({ path: ['body', ...issue.path.map(String)].join('.'), message: issueMessage(issue, body, locale) }));
}
