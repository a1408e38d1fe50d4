import { currentLang } from './i18n/index.js';

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLang(), { year: 'numeric', month: 'short', day: 'numeric' }).format(d);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLang(), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

/** Money in minor units (分) → `¥12.50`. */
export function formatMoney(minor: number, currency = 'CNY'): string {
  // Narrow symbol: ¥12.50 in both languages (UI.md), not CN¥ in English.
  return new Intl.NumberFormat(currentLang(), { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 }).format(minor / 100);
}

export function companyDisplayName(c: { legalName?: string; name?: string; nameEn: string | null }): string {
  const zh = c.legalName ?? c.name ?? '';
  if (currentLang() === 'en-US' && c.nameEn) return c.nameEn;
  return zh;
}

export function companySecondaryName(c: { legalName?: string; name?: string; nameEn: string | null }): string | null {
  const zh = c.legalName ?? c.name ?? '';
  if (currentLang() === 'en-US') return c.nameEn ? zh : null;
  return c.nameEn;
}
