/**
 * Zod issues as sentences a person understands, naming the field by a label the caller gives (「中文标题」, "Section 4
 * (Contact card): phone"). Modules with validation messages of their own (catalog, storefront) say their special
 * cases first and leave the rest to this.
 */
import type { z } from 'zod';
import type { Locale } from './errors.js';

/** Parse options that keep each issue's input, so "missing" and "wrong type" read differently. */
export const REPORT_INPUT = { reportInput: true } as const;

const EXPECTED: Record<string, { zh: string; en: string }> = {
  number: { zh: '数字', en: 'a number' }, int: { zh: '整数', en: 'a whole number' }, string: { zh: '文本', en: 'text' },
  array: { zh: '列表', en: 'a list' }, object: { zh: '对象', en: 'an object' }, boolean: { zh: '是或否', en: 'yes or no' },
};

export function issueSentence(issue: z.core.$ZodIssue, label: string, locale: Locale): string {
  const say = (zh: string, en: string) => (locale === 'zh-CN' ? zh : en);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return say(`${label}为必填项`, `${label} is required`);
      const what = EXPECTED[issue.expected] ?? { zh: issue.expected, en: issue.expected };
      return say(`${label}必须是${what.zh}`, `${label} must be ${what.en}`);
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? say(`${label}不能为空`, `${label} must not be empty`) : say(`${label}至少 ${min} 个字`, `${label} needs at least ${min} characters`);
      if (issue.origin === 'array' || issue.origin === 'set') return say(`${label}至少需要 ${min} 项`, `${label} needs at least ${min} item(s)`);
      if (min === 0 && !issue.inclusive) return say(`${label}必须大于 0`, `${label} must be more than 0`);
      return issue.inclusive ? say(`${label}不能小于 ${min}`, `${label} must be at least ${min}`) : say(`${label}必须大于 ${min}`, `${label} must be more than ${min}`);
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return say(`${label}最多 ${max} 个字`, `${label} may have at most ${max} characters`);
      if (issue.origin === 'array' || issue.origin === 'set') return say(`${label}最多 ${max} 项`, `${label} may have at most ${max} items`);
      return issue.inclusive ? say(`${label}不能大于 ${max}`, `${label} must be at most ${max}`) : say(`${label}必须小于 ${max}`, `${label} must be less than ${max}`);
    }
    case 'invalid_value':
      return say(`${label}必须是以下之一:${issue.values.map(String).join('、')}`, `${label} must be one of: ${issue.values.map(String).join(', ')}`);
    case 'invalid_format':
      if (issue.format === 'uuid') return say(`${label}不是有效的编号`, `${label} is not a valid id`);
      return say(`${label}格式不正确`, `${label} is not in the right format`);
    case 'unrecognized_keys':
      return say(`${label}含有不认识的字段:${issue.keys.join('、')}`, `${label} has unknown field(s): ${issue.keys.join(', ')}`);
    case 'invalid_union':
      return say(`${label}的取值类型不对`, `${label} has a value of the wrong kind`);
    case 'invalid_key':
    case 'invalid_element':
    case 'not_multiple_of':
    case 'custom':
      return say(`${label}不正确`, `${label} is not valid`);
    default: {
      const never: never = issue;
      return String((never as { message?: string }).message ?? label);
    }
  }
}
