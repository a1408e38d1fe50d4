/**
 * A seller's statement as a file: CSV (UTF-8 with BOM, CRLF, formula-guarded, as Chinese Excel reads it) or .xlsx
 * (exceljs, loaded only when needed, as catalog/sheets.ts does). Amounts in yuan with two decimals.
 */
import type ExcelJS from 'exceljs';
import type { Locale } from '../../platform/errors.js';

export type StatementKind = 'release' | 'fee' | 'payout' | 'payout_reversal' | 'refund' | 'adjustment';

export interface StatementData {
  companyId: string;
  currency: string;
  from: string;
  to: string;
  opening: number;
  closing: number;
  credits: number;
  debits: number;
  entries: Array<{ at: Date; kind: StatementKind; orderId: string | null; orderNumber: string | null; reference: string; memo: string; amount: number; balance: number }>;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const KIND_LABELS: Record<StatementKind, { zh: string; en: string }> = {
  release: { zh: '货款结算', en: 'Order release' },
  fee: { zh: '平台服务费', en: 'Platform fee' },
  payout: { zh: '提现', en: 'Payout' },
  payout_reversal: { zh: '提现退回', en: 'Payout reversed' },
  refund: { zh: '退款', en: 'Refund' },
  adjustment: { zh: '调整', en: 'Adjustment' },
};

let excel: Promise<typeof ExcelJS> | undefined;
const loadExcel = () => (excel ??= import('exceljs').then((m) => m.default));

const pick = (locale: Locale, t: { zh: string; en: string }) => (locale === 'zh-CN' ? t.zh : t.en);
const yuanText = (fen: number) => (fen / 100).toFixed(2);
/** Beijing wall time, 'YYYY-MM-DD HH:mm'. */
const beijing = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

function headers(locale: Locale, currency: string): string[] {
  return locale === 'zh-CN'
    ? ['时间(北京)', '类型', '订单号', '摘要', `金额(${currency})`, `余额(${currency})`, '参考']
    : ['Time (Beijing)', 'Kind', 'Order', 'Memo', `Amount (${currency})`, `Balance (${currency})`, 'Reference'];
}

function openingLabel(locale: Locale) {
  return locale === 'zh-CN' ? '期初余额' : 'Opening balance';
}
function closingLabel(locale: Locale) {
  return locale === 'zh-CN' ? '期末余额' : 'Closing balance';
}

/** A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV/formula injection); plain numbers stay. */
function guard(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
}
function csvField(value: string): string {
  const v = guard(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The statement as rows of text (CSV); numbers are signed yuan. */
export function statementGrid(s: StatementData, locale: Locale): string[][] {
  const rows: string[][] = [headers(locale, s.currency)];
  rows.push([s.from, openingLabel(locale), '', '', '', yuanText(s.opening), '']);
  for (const e of s.entries) {
    rows.push([beijing(e.at), pick(locale, KIND_LABELS[e.kind]), e.orderNumber ?? '', e.memo, yuanText(e.amount), yuanText(e.balance), e.reference]);
  }
  rows.push([s.to, closingLabel(locale), '', '', '', yuanText(s.closing), '']);
  return rows;
}

export function toCsv(rows: string[][]): Buffer {
  const text = rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

export async function toXlsx(s: StatementData, locale: Locale): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Tongshang 通商';
  const sheet = workbook.addWorksheet(locale === 'zh-CN' ? '对账单' : 'Statement', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ width: 18 }, { width: 14 }, { width: 22 }, { width: 40 }, { width: 16 }, { width: 16 }, { width: 44 }];
  const header = sheet.addRow(headers(locale, s.currency));
  header.font = { bold: true };
  const money = (fen: number) => Math.round(fen) / 100;
  const opening = sheet.addRow([s.from, openingLabel(locale), '', '', null, money(s.opening), '']);
  opening.font = { italic: true };
  for (const e of s.entries) {
    sheet.addRow([beijing(e.at), pick(locale, KIND_LABELS[e.kind]), e.orderNumber ?? '', guard(e.memo), money(e.amount), money(e.balance), e.reference]);
  }
  const closing = sheet.addRow([s.to, closingLabel(locale), '', '', null, money(s.closing), '']);
  closing.font = { bold: true };
  sheet.getColumn(5).numFmt = '#,##0.00;[Red]-#,##0.00';
  sheet.getColumn(6).numFmt = '#,##0.00;[Red]-#,##0.00';
  sheet.getColumn(3).numFmt = '@';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function statementFile(s: StatementData, format: 'csv' | 'xlsx', locale: Locale): Promise<{ bytes: Buffer; fileName: string; contentType: string }> {
  const base = `statement-${s.from}-${s.to}`;
  if (format === 'csv') return { bytes: toCsv(statementGrid(s, locale)), fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8' };
  return { bytes: await toXlsx(s, locale), fileName: `${base}.xlsx`, contentType: XLSX_TYPE };
}
