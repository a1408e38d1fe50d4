import { describe, expect, it } from 'vitest';
import { uuidv7 } from './ids.js';

describe('uuidv7', () => {
  it('sorts in creation order within one process, also many ids inside one millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const now = Date.now() + 5;
    const same = Array.from({ length: 5_000 }, () => uuidv7(now));
    expect([...same].sort()).toEqual(same);
  });

  it('keeps a backdated id at its own time and version 7 / variant bits', () => {
    const old = Date.UTC(2026, 0, 1);
    const id = uuidv7(old);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(old);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidv7() > id).toBe(true);
  });
});
