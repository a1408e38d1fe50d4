import { describe, expect, it } from 'vitest';
import { USCC_CHARSET, checkUscc, completeUscc, usccCheckCharacter } from './uscc.js';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts published real-world codes', () => {
    // Codes printed on public business licenses (Alibaba (China) Co., Ltd.; Tencent Technology (Shenzhen)).
    expect(checkUscc('91330100716105852F')).toBeNull();
    expect(checkUscc('9144030071526726XG')).toBeNull();
  });

  it('computes the check character with the standard weights', () => {
    expect(usccCheckCharacter('91330100716105852')).toBe('F');
  });

  it('rejects a wrong check character', () => {
    expect(checkUscc('91330100716105852G')).toBe('check_character');
  });

  it('rejects a wrong organization-code check', () => {
    expect(checkUscc('913301007161058535')).toBe('organization_check');
  });

  it('rejects letters outside the GB 32100 set and wrong lengths', () => {
    expect(checkUscc('91330100716105852I')).toBe('charset');
    expect(checkUscc('9133010071610585')).toBe('length');
  });

  it('completes generated codes into valid ones', () => {
    const code = completeUscc('9132050012345678');
    expect(code).toHaveLength(18);
    expect(checkUscc(code)).toBeNull();
  });

  it('rejects every single-character corruption of valid codes', () => {
    for (const valid of ['91330100716105852F', '9144030071526726XG', completeUscc('9151010020151010')]) {
      for (let pos = 0; pos < 18; pos++) {
        for (const ch of USCC_CHARSET) {
          if (ch === valid[pos]) continue;
          const corrupted = valid.slice(0, pos) + ch + valid.slice(pos + 1);
          expect(checkUscc(corrupted), `${corrupted} (position ${pos + 1})`).not.toBeNull();
        }
      }
    }
  });
});
