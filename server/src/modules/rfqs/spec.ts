/**
 * An RFQ's specification against its category's attribute template (catalog.categories.resolved). Unlike a
 * product, a buyer describes a need: every attribute is optional (say what matters), SKU-defining attributes are
 * given directly, and an enum may list several acceptable options (Q235B or Q355B). Pure: no I/O.
 */
import type { FieldError, Locale } from '../../platform/errors.js';
import type { AttributeDefinition } from './ports.js';

export type SpecValue = string | number | boolean | [number, number] | string[];
export type Specification = Record<string, SpecValue>;

const say = (locale: Locale, zh: string, en: string) => (locale === 'zh-CN' ? zh : en);
const label = (d: AttributeDefinition, locale: Locale) => say(locale, `「${d.nameZh}」`, d.nameEn);

function valueProblem(def: AttributeDefinition, value: SpecValue, locale: Locale): string | null {
  const name = label(def, locale);
  const unit = def.unit ? ` (${def.unit})` : '';
  switch (def.type) {
    case 'enum': {
      const options = def.options ?? [];
      const values = Array.isArray(value) ? value : [value];
      const ok = values.length > 0 && values.length <= options.length && values.every((v) => typeof v === 'string' && options.some((o) => o.value === v));
      if (ok) return null;
      const list = options.map((o) => o.value).join(locale === 'zh-CN' ? '、' : ', ');
      return say(locale, `${name}必须是以下之一(可多选):${list}`, `${name} must be one or more of: ${list}`);
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : say(locale, `${name}必须是数字${unit}`, `${name} must be a number${unit}`);
    case 'range':
      return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v)) && (value[0] as number) <= (value[1] as number)
        ? null
        : say(locale, `${name}必须是 [最小值, 最大值],且最小值不大于最大值${unit}`, `${name} must be [min, max] with min ≤ max${unit}`);
    case 'text':
      return typeof value === 'string' && value.trim().length > 0 && value.length <= 500 ? null : say(locale, `${name}必须是 1 到 500 字的文本`, `${name} must be text of 1 to 500 characters`);
    case 'boolean':
      return typeof value === 'boolean' ? null : say(locale, `${name}必须是 true 或 false`, `${name} must be true or false`);
    default: {
      const never: never = def.type;
      return String(never);
    }
  }
}

/** Problems with the specification, each with its field path (body.specification.<key>). */
export function validateSpecification(template: AttributeDefinition[], spec: Specification, locale: Locale, prefix = 'body.specification'): FieldError[] {
  const byKey = new Map(template.map((d) => [d.key, d]));
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(spec)) {
    const def = byKey.get(key);
    if (!def) {
      errors.push({ path: `${prefix}.${key}`, message: say(locale, `该类目没有属性 ${key}`, `the category has no attribute ${key}`) });
      continue;
    }
    const problem = valueProblem(def, value, locale);
    if (problem) errors.push({ path: `${prefix}.${key}`, message: problem });
  }
  return errors;
}

export interface SpecLine { key: string; nameZh: string; nameEn: string; valueZh: string; valueEn: string }

/** The specification as labelled lines in the template's order (values of attributes since removed are skipped). */
export function specLines(template: AttributeDefinition[], spec: Specification): SpecLine[] {
  const out: SpecLine[] = [];
  for (const def of template) {
    const value = spec[def.key];
    if (value === undefined) continue;
    const unit = def.unit ? ` ${def.unit}` : '';
    let zh: string;
    let en: string;
    switch (def.type) {
      case 'enum': {
        const values = Array.isArray(value) ? value.map(String) : [String(value)];
        const opts = values.map((v) => def.options?.find((o) => o.value === v) ?? { value: v, zh: v, en: v });
        zh = opts.map((o) => o.zh).join(' / ');
        en = opts.map((o) => o.en).join(' / ');
        break;
      }
      case 'range': {
        const [a, b] = Array.isArray(value) ? value : [value, value];
        zh = en = `${String(a)}–${String(b)}${unit}`;
        break;
      }
      case 'number':
        zh = en = `${String(value)}${unit}`;
        break;
      case 'boolean':
        zh = value === true ? '是' : '否';
        en = value === true ? 'Yes' : 'No';
        break;
      case 'text':
        zh = en = String(value);
        break;
      default: {
        const never: never = def.type;
        zh = en = String(never);
      }
    }
    out.push({ key: def.key, nameZh: def.nameZh, nameEn: def.nameEn, valueZh: zh, valueEn: en });
  }
  return out;
}
