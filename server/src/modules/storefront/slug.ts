/**
 * Shop addresses (/shop/{slug}): the rules a slug must follow and how a first one is made from the company's
 * English name. Pure functions, so the rules are tested without a database.
 */

export const SLUG_MIN = 3;
export const SLUG_MAX = 40;

/**
 * Words that would be mistaken for the platform's own pages or staff, or that clients treat specially.
 * A shop cannot take them; the list is checked on the whole slug only (steel-admin-supplies is fine).
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'about', 'account', 'accounts', 'admin', 'administrator', 'api', 'app', 'apps', 'assets', 'auth', 'billing', 'blog',
  'categories', 'category', 'companies', 'company', 'contact', 'dashboard', 'docs', 'download', 'edit', 'files', 'help',
  'home', 'index', 'invitations', 'login', 'logout', 'mail', 'new', 'null', 'official', 'operator', 'operators', 'orders',
  'platform', 'preview', 'product', 'products', 'register', 'root', 'rfq', 'rfqs', 'sandbox', 'search', 'security',
  'settings', 'shop', 'shops', 'sitemap', 'static', 'storefront', 'support', 'system', 'test', 'tongshang', 'trust',
  'trustpass', 'undefined', 'verify', 'workbench', 'www',
]);

const FORMAT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// A uuid-shaped slug would be ambiguous: /api/v1/shops/{x} also accepts a company id.
const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type SlugProblem = 'length' | 'charset' | 'hyphens' | 'reserved';

/** What is wrong with a slug the owner typed, or null when it may be used (uniqueness is the store's job). */
export function slugProblem(slug: string): SlugProblem | null {
  if (slug.length < SLUG_MIN || slug.length > SLUG_MAX) return 'length';
  if (!/^[a-z0-9-]+$/.test(slug)) return 'charset';
  if (!FORMAT.test(slug)) return 'hyphens';
  if (RESERVED_SLUGS.has(slug) || UUID_LIKE.test(slug)) return 'reserved';
  return null;
}

// Legal-form words that every second company shares; dropping them keeps slugs short and telling.
const LEGAL_SUFFIXES = new Set(['co', 'company', 'corp', 'corporation', 'ltd', 'limited', 'inc', 'llc', 'group', 'gmbh', 'plc']);

/** A slug-shaped rendering of an English name: "Wuxi Huadong Steel Trading Co., Ltd." → "wuxi-huadong-steel-trading". */
export function slugFromName(name: string | null | undefined): string | null {
  if (!name) return null;
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > SLUG_MAX - 5) break; // leave room for a disambiguating suffix
    slug = next;
  }
  return slug.length >= SLUG_MIN && slugProblem(slug) === null ? slug : null;
}

/**
 * Slugs to try, best first, for a new shop. Without a usable English name (Chinese-only names: no pinyin here),
 * the fallback is "shop-" and the random tail of the company id; the tail of a UUIDv7 is random, its head is a
 * timestamp shared by companies created in the same minute.
 */
export function slugCandidates(companyId: string, nameEn: string | null | undefined): string[] {
  const tail = companyId.replace(/-/g, '').toLowerCase();
  const base = slugFromName(nameEn);
  const out: string[] = [];
  if (base) out.push(base, `${base}-${tail.slice(-4)}`);
  out.push(`shop-${tail.slice(-8)}`, `shop-${tail.slice(-12)}`, `shop-${tail.slice(-20)}`);
  return out.filter((s) => slugProblem(s) === null);
}
