// Which statements run as named prepared statements: the rule both engines share (db.ts's PostgreSQL pool, and
// pglite-engine.ts in the embedded database's thread).

// Leading comments (-- lines, /* blocks */, e.g. CUSTOM_PLAN) before a statement's first word.
const LEADING_COMMENTS = String.raw`^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*`;
export const LEADING_COMMAND = new RegExp(`${LEADING_COMMENTS}(\\w+)`);

/** Leading comment of a statement whose best plan depends on its values (search's text and trigram matches): not prepared on PostgreSQL. */
export const CUSTOM_PLAN = '/* custom plan */';
const PREPARE_AFTER = 3;
const MAX_PREPARED = 256;
const PREPARABLE = new RegExp(`${LEADING_COMMENTS}(select|insert|update|delete|with)\\b`, 'i');
// A generic plan cannot infer a partial unique index from a parameterized predicate (ON CONFLICT (…) WHERE col = $1
// fails with 42P10 once PostgreSQL switches to it), so such statements are never prepared.
const NEEDS_VALUES = /\bon conflict\s*\([^)]*\)\s*where\b/i;

/**
 * Which statement texts run as named prepared statements: a text is named once this process has seen it
 * PREPARE_AFTER times, up to MAX_PREPARED texts. A statement whose result type changed under it (a migration by
 * another process) is run unnamed from then on.
 */
export class StatementNames {
  private readonly seen = new Map<string, number>();
  private readonly names = new Map<string, string>();
  private readonly unpreparable = new Set<string>();
  private nextName = 0;

  /** customPlans: also name the statements marked CUSTOM_PLAN (PGlite, where parsing them is dear; below). */
  constructor(private readonly customPlans: boolean) {}

  private nameFor(text: string): string | null {
    const known = this.names.get(text);
    if (known) return known;
    if (this.names.size >= MAX_PREPARED || (!this.customPlans && text.trimStart().startsWith(CUSTOM_PLAN)) || this.unpreparable.has(text) || !PREPARABLE.test(text) || NEEDS_VALUES.test(text)) return null;
    const n = (this.seen.get(text) ?? 0) + 1;
    if (n < PREPARE_AFTER) {
      if (this.seen.size >= 10_000) this.seen.clear();
      this.seen.set(text, n);
      return null;
    }
    this.seen.delete(text);
    const name = `ts_${this.nextName++}`;
    this.names.set(text, name);
    return name;
  }

  /**
   * Runs the text named when it has a name, else unnamed. After 0A000 "cached plan must not change result type" (the
   * table changed under the prepared statement) the text runs unnamed from then on.
   */
  async run<T>(text: string, named: (name: string) => Promise<T>, unnamed: () => Promise<T>): Promise<T> {
    const name = this.nameFor(text);
    if (!name) return unnamed();
    try {
      return await named(name);
    } catch (err) {
      if ((err as { code?: string }).code === '0A000') {
        this.names.delete(text);
        this.unpreparable.add(text);
      }
      throw err;
    }
  }
}

