import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Text → tokens for PostgreSQL's `simple` text search configuration, which only splits on spaces and
 * lowercases. Chinese runs are segmented by jieba: the index keeps the search-mode cut (热轧钢板 → 热轧 钢板,
 * 不锈钢管 → 不锈 钢管 不锈钢 不锈钢管), so a query for a word inside a compound finds it; queries use the precise
 * cut and accept either the whole word or all of its parts. Other scripts split into lowercase letter/digit runs.
 * HMM discovery of unknown words is off on both sides, so the same text always yields the same tokens.
 */

let jieba: Jieba | undefined;
/** The dictionary takes ~0.3 s to load: once per process, on first use. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const RUNS = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

/** Full-width forms to ASCII (ＱＢ２３５ → qb235), lowercase. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

interface Run {
  han: boolean;
  text: string;
}

function runs(text: string): Run[] {
  const out: Run[] = [];
  for (const m of normalize(text).matchAll(RUNS)) out.push(m[1] ? { han: true, text: m[1] } : { han: false, text: m[2]! });
  return out;
}

const meaningful = (t: string) => /[\p{L}\p{N}]/u.test(t);

/** Index tokens of a text, in order, duplicates kept (term frequency counts in ranking). */
export function indexTokens(text: string | null | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const run of runs(text)) {
    if (run.han) out.push(...segmenter().cutForSearch(run.text, false).filter(meaningful));
    else out.push(run.text);
  }
  return out;
}

/** Tokens of several texts as the space-joined string `to_tsvector('simple', …)` reads. */
export function tokenText(...texts: Array<string | null | undefined>): string {
  return texts.flatMap((t) => indexTokens(t)).join(' ');
}

export interface QueryWord {
  text: string;
  han: boolean;
  /** A Chinese compound's search-mode parts (不锈钢管 → 不锈, 钢管, 不锈钢): a document with all of them matches too. */
  parts: string[];
}

/**
 * A compound's shorter dictionary words, when together they cover every character of it (不锈钢管 → 不锈, 钢管,
 * 不锈钢); otherwise none: 办公椅 → 办公 alone would also match every office desk.
 */
function coveringParts(word: string): string[] {
  const chars = [...word];
  if (chars.length <= 2) return [];
  const parts = [...new Set(segmenter().cutForSearch(word, false))].filter((p) => p !== word && [...p].length >= 2 && meaningful(p));
  const covered = new Array<boolean>(word.length).fill(false);
  for (const p of parts) {
    for (let at = word.indexOf(p); at >= 0; at = word.indexOf(p, at + 1)) covered.fill(true, at, at + p.length);
  }
  return covered.every(Boolean) ? parts : [];
}

/** The words of a query: the precise cut for Chinese, letter/digit runs otherwise; at most 12. */
export function queryWords(q: string): QueryWord[] {
  const words: QueryWord[] = [];
  for (const run of runs(q)) {
    if (!run.han) {
      words.push({ text: run.text, han: false, parts: [] });
      continue;
    }
    for (const w of segmenter().cut(run.text, false).filter(meaningful)) words.push({ text: w, han: true, parts: coveringParts(w) });
  }
  const seen = new Set<string>();
  return words.filter((w) => !seen.has(w.text) && seen.add(w.text)).slice(0, 12);
}

const lexeme = (t: string) => `'${t.replace(/['\\]/g, '')}'`;

/**
 * The tsquery text for `to_tsquery('simple', …)`: every word must match, as a prefix (so typing "stain" already
 * finds stainless), or through one of its parts (Chinese) or spelling corrections (from the term dictionary).
 */
export function tsQueryText(words: QueryWord[], corrections: ReadonlyMap<string, string[]> = new Map()): string {
  return words.map((w) => {
    // A single letter or digit as a prefix would expand to a large part of the dictionary (T恤 → t:*): whole only.
    const alternatives = [[...w.text].length === 1 && !w.han ? lexeme(w.text) : `${lexeme(w.text)}:*`];
    if (w.parts.length) alternatives.push(`(${w.parts.map(lexeme).join(' & ')})`);
    for (const c of corrections.get(w.text) ?? []) alternatives.push(lexeme(c));
    return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' | ')})`;
  }).join(' & ');
}

/**
 * Terms a title offers to suggestions: Chinese words of two or more characters and pairs of neighbouring words
 * (热轧 + 钢板 → 热轧钢板), other words of three or more letters; plus the given phrases (category names) whole.
 */
export function suggestionTerms(titles: Array<string | null | undefined>, phrases: Array<string | null | undefined> = []): string[] {
  const terms = new Set<string>();
  for (const title of titles) {
    if (!title) continue;
    for (const run of runs(title)) {
      if (!run.han) {
        if (run.text.length >= 3 && /\p{L}/u.test(run.text)) terms.add(run.text);
        continue;
      }
      const words = segmenter().cut(run.text, false);
      words.forEach((w, i) => {
        if (w.length >= 2) terms.add(w);
        const next = words[i + 1];
        if (next && w.length + next.length >= 3 && w.length + next.length <= 8) terms.add(w + next);
      });
    }
  }
  for (const p of phrases) {
    const n = p ? normalize(p).trim() : '';
    if (n.length >= 2 && n.length <= 40) terms.add(n);
  }
  return [...terms].slice(0, 60);
}
