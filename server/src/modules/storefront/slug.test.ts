import { describe, expect, it } from 'vitest';
import { slugCandidates, slugFromName, slugProblem } from './slug.js';

describe('shop slugs', () => {
  it('accepts lowercase letters, digits and single inner hyphens, 3 to 40 characters', () => {
    expect(slugProblem('huadong-steel')).toBeNull();
    expect(slugProblem('abc')).toBeNull();
    expect(slugProblem('a1-b2-c3')).toBeNull();
    expect(slugProblem('x'.repeat(40))).toBeNull();
  });

  it('names the broken rule', () => {
    expect(slugProblem('ab')).toBe('length');
    expect(slugProblem('x'.repeat(41))).toBe('length');
    expect(slugProblem('Huadong')).toBe('charset');
    expect(slugProblem('华东钢材')).toBe('charset');
    expect(slugProblem('hua_dong')).toBe('charset');
    expect(slugProblem('-huadong')).toBe('hyphens');
    expect(slugProblem('huadong-')).toBe('hyphens');
    expect(slugProblem('hua--dong')).toBe('hyphens');
  });

  it('refuses reserved words and uuid-shaped slugs, but not words containing them', () => {
    expect(slugProblem('admin')).toBe('reserved');
    expect(slugProblem('workbench')).toBe('reserved');
    expect(slugProblem('tongshang')).toBe('reserved');
    expect(slugProblem('0190a8f2-3c4d-7e5f-8a9b-0c1d2e3f4a5b')).toBe('reserved');
    expect(slugProblem('steel-admin-supplies')).toBeNull();
  });

  it('makes a short slug from the English name without legal-form words', () => {
    expect(slugFromName('Wuxi Huadong Steel Trading Co., Ltd.')).toBe('wuxi-huadong-steel-trading');
    expect(slugFromName('Ningbo Yongda Hardware Manufacturing Co., Ltd.')).toBe('ningbo-yongda-hardware') // cut at a word, leaving room for a suffix;
    expect(slugFromName('Café Müller GmbH')).toBe('cafe-muller');
    expect(slugFromName('无锡华东钢材贸易有限公司')).toBeNull();
    expect(slugFromName('')).toBeNull();
    expect(slugFromName('Admin')).toBeNull();
    const long = slugFromName('Shenzhen Chuangxin Electronics Technology International Holdings Co., Ltd.');
    expect(long && long.length <= 35 && slugProblem(long) === null).toBe(true);
  });

  it('falls back to the random tail of the company id, never its timestamp head', () => {
    const id = '0190a8f2-3c4d-7e5f-8a9b-0c1d2e3f4a5b';
    const [first, ...rest] = slugCandidates(id, null);
    expect(first).toBe('shop-2e3f4a5b');
    expect(rest.every((s) => slugProblem(s) === null)).toBe(true);
    expect(slugCandidates(id, 'Wuxi Huadong Steel Trading Co., Ltd.').slice(0, 2)).toEqual(['wuxi-huadong-steel-trading', 'wuxi-huadong-steel-trading-4a5b']);
  });
});
