import { describe, expect, it } from 'vitest';
import { indexTokens, normalize, queryWords, suggestionTerms, tokenText, tsQueryText } from './tokenize.js';

describe('search tokens', () => {
  it('indexes Chinese compounds with their parts, so words inside them are found', () => {
    expect(indexTokens('热轧钢板')).toEqual(expect.arrayContaining(['热轧', '钢板']));
    expect(indexTokens('不锈钢管')).toEqual(expect.arrayContaining(['不锈', '钢管', '不锈钢', '不锈钢管']));
  });

  it('splits mixed text into lowercase letter and digit runs, full-width forms folded', () => {
    expect(tokenText('Q235B热轧钢板 GB/T 3274', 'Stainless-Steel Pipe')).toBe('q235b 热轧 钢板 gb t 3274 stainless steel pipe');
    expect(normalize('ＱＢ２３５')).toBe('qb235');
  });

  it('queries by the precise cut, a compound also matching all of its parts', () => {
    expect(queryWords('不锈钢管 304')).toEqual([{ text: '不锈钢管', han: true, parts: ['不锈', '钢管', '不锈钢'] }, { text: '304', han: false, parts: [] }]);
    expect(tsQueryText(queryWords('不锈钢管 304'))).toBe("('不锈钢管':* | ('不锈' & '钢管' & '不锈钢')) & '304':*");
    expect(tsQueryText(queryWords('stainles'), new Map([['stainles', ['stainless']]]))).toBe("('stainles':* | 'stainless')");
    expect(tsQueryText(queryWords('T恤'))).toBe("'t' & '恤':*");
    expect(queryWords('  ，。!! ')).toEqual([]);
    // Parts that leave a character uncovered would widen the query: 办公 alone matches every office desk.
    expect(queryWords('办公椅')).toEqual([{ text: '办公椅', han: true, parts: [] }]);
  });

  it('offers words, neighbouring pairs and category names as suggestion terms', () => {
    const terms = suggestionTerms(['Q235B 热轧钢板 宝钢', 'Hot-rolled steel plate'], ['热轧钢板', 'Hot-Rolled Plate']);
    expect(terms).toEqual(expect.arrayContaining(['热轧', '钢板', '热轧钢板', '宝钢', 'q235b', 'steel', 'plate', 'hot-rolled plate']));
  });
});
