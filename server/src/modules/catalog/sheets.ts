/**
 * Spreadsheets in and out: CSV (RFC 4180, UTF-8 with BOM; GB18030 as Chinese Excel saves it) and .xlsx (exceljs).
 * Everything becomes a grid of strings; what the cells mean is import.layout.ts's business.
 */
import type ExcelJS from 'exceljs';

// exceljs costs ~0.4 s to load; only imports and exports need it, so it stays out of the start path.
let excel: Promise<typeof ExcelJS> | undefined;
const loadExcel = () => (excel ??= import('exceljs').then((m) => m.default));

export type SheetFormat = 'csv' | 'xlsx';
export type Grid = string[][];

export class SheetError extends Error {
  constructor(readonly reason: 'unreadable' | 'too_large' | 'encoding') {
    super(reason);
  }
}

// ---------------------------------------------------------------------------------------------------------
// What a file is, from its bytes

/** xlsx is a zip (PK\x03\x04); a CSV is text without NUL bytes. Anything else (xls, PDF, images) is neither. */
export function sniffSheet(bytes: Buffer): SheetFormat | null {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes.length === 0) return null;
  const head = bytes.subarray(0, Math.min(bytes.length, 64 * 1024));
  if (head.includes(0)) return null;
  // Old binary Excel (OLE compound file) has NULs anyway; a PDF or HTML page is text but not a table.
  const text = head.toString('latin1', 0, Math.min(head.length, 16));
  if (text.startsWith('%PDF') || /^\s*</.test(text)) return null;
  return 'csv';
}

/**
 * The total uncompressed size a zip declares in its central directory, read without inflating anything, so a
 * small file that would expand to gigabytes (a zip bomb) is refused before exceljs opens it. null: not a readable zip.
 */
export function zipDeclaredSize(bytes: Buffer): number | null {
  const min = Math.max(0, bytes.length - 65_557);
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes.readUInt32LE(i) !== 0x06054b50) continue;
    const entries = bytes.readUInt16LE(i + 10);
    let at = bytes.readUInt32LE(i + 16);
    let total = 0;
    for (let n = 0; n < entries; n++) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
      total += bytes.readUInt32LE(at + 24);
      at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    }
    return total;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// CSV

/** UTF-8 (with or without BOM); failing that GB18030, which Chinese Excel uses for "CSV (逗号分隔)". */
export function decodeText(bytes: Buffer): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new SheetError('encoding');
    }
  }
}

/** RFC 4180: quoted fields with "" escapes, commas and line breaks (LF or CRLF) inside quotes; a leading BOM is dropped. */
export function parseCsv(text: string): Grid {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: Grid = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a tab/CR that some programs strip first) gets a leading
 * apostrophe, so an exported product title can never execute in the reader's Excel (CSV/formula injection).
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Undoes guardFormula when reading our own files back. */
export function unguardFormula(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function csvField(value: string): string {
  const v = guardFormula(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** UTF-8 with BOM (so Excel reads Chinese correctly) and CRLF line ends. */
export function toCsv(rows: Grid): Buffer {
  const text = rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

// ---------------------------------------------------------------------------------------------------------
// xlsx

/** How a cell reads as text: formulas by their cached result (never evaluated), rich text joined, dates as ISO days. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  if ('error' in value) return '';
  return '';
}

export const DATA_SHEET = '商品 Products';
export const INSTRUCTIONS_SHEET = '说明 Instructions';
const OPTIONS_SHEET = '选项 Options';

/** The product sheet of a workbook (by name, else the first visible one) as a grid; at most maxRows + 1 rows are read. */
export async function readXlsx(bytes: Buffer, maxRows: number): Promise<Grid> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new SheetError('unreadable');
  }
  const sheet = workbook.getWorksheet(DATA_SHEET) ?? workbook.worksheets.find((w) => w.state === 'visible' && w.name !== INSTRUCTIONS_SHEET);
  if (!sheet) throw new SheetError('unreadable');
  if (sheet.actualRowCount > maxRows + 1) throw new SheetError('too_large');
  const grid: Grid = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    grid[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(grid, (r) => r ?? []);
}

export interface XlsxColumn {
  header: string;
  width: number;
  /** A dropdown (list data validation) of these values. */
  options?: string[] | undefined;
  /** Cells hold text even when they look like numbers (codes, keys). */
  text?: boolean | undefined;
  required?: boolean | undefined;
  note?: string | undefined;
}

/** A workbook: the product sheet (header, rows, dropdowns), the instructions sheet, and a hidden sheet of option lists. */
export async function writeXlsx(columns: XlsxColumn[], rows: Grid, instructions: Grid): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Tongshang 通商';
  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 32;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFDE3D0' : 'FFF2F2F2' } };
    if (c.note) cell.note = c.note;
  });
  // Keys and codes stay text as the seller types them (a key 007 is not the number 7).
  columns.forEach((c, i) => {
    if (c.text) sheet.getColumn(i + 1).numFmt = '@';
  });
  for (const r of rows) sheet.addRow(r.map((v) => guardFormula(v)));
  const withOptions = columns.map((c, i) => ({ c, i })).filter(({ c }) => c.options && c.options.length > 0);
  if (withOptions.length) {
    const options = workbook.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });
    const lastRow = Math.max(rows.length + 1, 1000);
    withOptions.forEach(({ c, i }, n) => {
      const col = n + 1;
      options.getCell(1, col).value = c.header;
      c.options!.forEach((o, k) => {
        options.getCell(k + 2, col).value = o;
      });
      const letter = options.getColumn(col).letter;
      const target = sheet.getColumn(i + 1).letter;
      // One validation over the whole column range: the list lives on the hidden sheet, so long lists fit.
      (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${target}2:${target}${lastRow}`, {
        type: 'list', allowBlank: true, showErrorMessage: true, errorStyle: 'warning',
        formulae: [`'${OPTIONS_SHEET}'!$${letter}$2:$${letter}$${c.options!.length + 1}`],
      });
    });
  }
  const help = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  help.columns = [{ width: 34 }, { width: 110 }];
  for (const line of instructions) {
    const added = help.addRow(line.map((v) => guardFormula(v)));
    added.alignment = { wrapText: true, vertical: 'top' };
    if (line.length === 1) added.font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
