import { describe, expect, it } from 'vitest';
import { quotaMonth } from './service.js';
import { validateSpecification, specLines } from './spec.js';
import { DECISION_WINDOW_DAYS, quoteAllows, rfqAllows, sweepOutcome } from './states.js';
import type { AttributeDefinition } from './ports.js';

const deadline = new Date('2025-03-10T10:00:00Z');
const before = new Date('2025-03-10T09:59:00Z');
const after = new Date('2025-03-10T10:01:00Z');
const windowOver = new Date(deadline.getTime() + DECISION_WINDOW_DAYS * 86_400_000);

describe('rfq state machine', () => {
  it('takes quotes and edits only while open and before the deadline', () => {
    expect(rfqAllows({ status: 'open', quoteDeadline: deadline }, 'quote', before)).toBe(true);
    expect(rfqAllows({ status: 'open', quoteDeadline: deadline }, 'quote', after)).toBe(false);
    expect(rfqAllows({ status: 'awarded', quoteDeadline: deadline }, 'quote', before)).toBe(false);
    expect(rfqAllows({ status: 'open', quoteDeadline: deadline }, 'edit', after)).toBe(false);
  });
  it('accepts within the decision window; closes open or awarded; cancels only open', () => {
    expect(rfqAllows({ status: 'open', quoteDeadline: deadline }, 'accept', after)).toBe(true);
    expect(rfqAllows({ status: 'open', quoteDeadline: deadline }, 'accept', windowOver)).toBe(false);
    expect(rfqAllows({ status: 'awarded', quoteDeadline: deadline }, 'accept', before)).toBe(false);
    for (const status of ['open', 'awarded'] as const) expect(rfqAllows({ status, quoteDeadline: deadline }, 'close', before)).toBe(true);
    for (const status of ['closed', 'expired', 'cancelled'] as const) expect(rfqAllows({ status, quoteDeadline: deadline }, 'close', before)).toBe(false);
    expect(rfqAllows({ status: 'awarded', quoteDeadline: deadline }, 'cancel', before)).toBe(false);
  });
  it('sweeps: no live quote expires at the deadline, quotes wait for the window, awarded closes after it', () => {
    expect(sweepOutcome({ status: 'open', quoteDeadline: deadline, liveQuotes: 0 }, before)).toBeNull();
    expect(sweepOutcome({ status: 'open', quoteDeadline: deadline, liveQuotes: 0 }, after)).toBe('expired');
    expect(sweepOutcome({ status: 'open', quoteDeadline: deadline, liveQuotes: 2 }, after)).toBeNull();
    expect(sweepOutcome({ status: 'open', quoteDeadline: deadline, liveQuotes: 2 }, windowOver)).toBe('expired');
    expect(sweepOutcome({ status: 'awarded', quoteDeadline: deadline, liveQuotes: 1 }, after)).toBeNull();
    expect(sweepOutcome({ status: 'awarded', quoteDeadline: deadline, liveQuotes: 1 }, windowOver)).toBe('closed');
    expect(sweepOutcome({ status: 'closed', quoteDeadline: deadline, liveQuotes: 0 }, windowOver)).toBeNull();
  });
  it('lets only submitted quotes change; withdrawn ones close their thread', () => {
    expect(quoteAllows('submitted', 'revise')).toBe(true);
    for (const s of ['accepted', 'declined', 'withdrawn', 'not_selected'] as const) expect(quoteAllows(s, 'accept')).toBe(false);
    expect(quoteAllows('accepted', 'message')).toBe(true);
    expect(quoteAllows('withdrawn', 'message')).toBe(false);
  });
});

describe('quota month', () => {
  it('counts Beijing calendar months', () => {
    expect(quotaMonth(new Date('2025-01-31T15:59:00Z'))).toEqual({ month: '2025-01', resetsOn: '2025-02-01' });
    expect(quotaMonth(new Date('2025-01-31T16:00:00Z'))).toEqual({ month: '2025-02', resetsOn: '2025-03-01' });
    expect(quotaMonth(new Date('2025-12-15T00:00:00Z'))).toEqual({ month: '2025-12', resetsOn: '2026-01-01' });
  });
});

describe('specification', () => {
  const template: AttributeDefinition[] = [
    { key: 'thickness', nameZh: '厚度', nameEn: 'Thickness', type: 'number', unit: 'mm', required: true, filterable: true, definesSku: false },
    { key: 'grade', nameZh: '牌号', nameEn: 'Grade', type: 'enum', options: [{ value: 'Q235B', zh: 'Q235B', en: 'Q235B' }, { value: 'Q355B', zh: 'Q355B', en: 'Q355B' }], required: true, filterable: true, definesSku: true },
    { key: 'coil', nameZh: '卷重', nameEn: 'Coil weight', type: 'range', unit: 't', required: false, filterable: false, definesSku: false },
  ];
  it('accepts partial needs, SKU attributes and several enum options; names each problem', () => {
    expect(validateSpecification(template, {}, 'en-US')).toEqual([]);
    expect(validateSpecification(template, { grade: ['Q235B', 'Q355B'], coil: [20, 25] }, 'en-US')).toEqual([]);
    const errors = validateSpecification(template, { thickness: '10', grade: ['Q235B', 'X'], coil: [25, 20], color: 'red' }, 'zh-CN');
    expect(errors.map((e) => e.path)).toEqual(['body.specification.thickness', 'body.specification.grade', 'body.specification.coil', 'body.specification.color']);
    expect(errors[0]?.message).toContain('「厚度」');
  });
  it('labels values in both languages in the template order', () => {
    expect(specLines(template, { coil: [20, 25], grade: 'Q355B', thickness: 12 })).toEqual([
      { key: 'thickness', nameZh: '厚度', nameEn: 'Thickness', valueZh: '12 mm', valueEn: '12 mm' },
      { key: 'grade', nameZh: '牌号', nameEn: 'Grade', valueZh: 'Q355B', valueEn: 'Q355B' },
      { key: 'coil', nameZh: '卷重', nameEn: 'Coil weight', valueZh: '20–25 t', valueEn: '20–25 t' },
    ]);
  });
});
