import { describe, expect, it } from 'vitest';
import { checkPassword, hashPassword, isCommonPassword, verifyPassword } from './passwords.js';

describe('password policy', () => {
  it('ships the 10,000 most common passwords and rejects them', () => {
    expect(isCommonPassword('password1')).toBe(true);
    expect(isCommonPassword('QWERTYUIOP')).toBe(true);
    expect(checkPassword('1234567890', 'a@b.cn')).toBe('too_common');
  });

  it('refuses short passwords and ones made of the email name', () => {
    expect(checkPassword('Shrt-1', 'a@b.cn')).toBe('too_short');
    expect(checkPassword('zhangwei-2024-steel', 'zhangwei@example.cn')).toBe('contains_email');
  });

  it('accepts a long uncommon password', () => {
    expect(checkPassword('热轧钢板-Q235B-2026', 'buyer@example.cn')).toBeNull();
  });

  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('correct horse battery');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(h, 'wrong horse battery')).toBe(false);
  });
});
