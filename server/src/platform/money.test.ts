import { describe, expect, it } from 'vitest';
import { formatQuantityText, formatYuan, formatYuanAmount } from './money.js';

describe('formatYuan', () => {
  it('groups thousands and keeps two decimals', () => {
    expect(formatYuan(185_500_000)).toBe('¥1,855,000.00');
    expect(formatYuan(3_710_000)).toBe('¥37,100.00');
    expect(formatYuan(3)).toBe('¥0.03');
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(99_999)).toBe('¥999.99');
  });

  it('puts the sign before the currency symbol', () => {
    expect(formatYuan(-1_250)).toBe('-¥12.50');
    expect(formatYuanAmount(-123_456_789)).toBe('-1,234,567.89');
  });

  it('formats the bare amount for texts that place the symbol themselves', () => {
    expect(formatYuanAmount(79_200_000)).toBe('792,000.00');
  });
});

describe('formatQuantityText', () => {
  it('groups thousands and keeps up to three decimals, no trailing zeros', () => {
    expect(formatQuantityText(11_700)).toBe('11,700');
    expect(formatQuantityText(999_999)).toBe('999,999');
    expect(formatQuantityText(2.5)).toBe('2.5');
    expect(formatQuantityText(0.125)).toBe('0.125');
  });
});
