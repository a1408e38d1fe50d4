import { describe, expect, it } from 'vitest';
import { decodeText, guardFormula, parseCsv, sniffSheet, toCsv, unguardFormula, zipDeclaredSize } from './sheets.js';

describe('sheets', () => {
  it('CSV: quotes, doubled quotes, commas and line breaks inside quotes, CRLF and LF, a BOM, a last line without a break', () => {
    const text = '\ufeffa,b,c\r\n"x, y","say ""hi""","line 1\r\nline 2"\n1,,3';
    expect(parseCsv(text)).toEqual([['a', 'b', 'c'], ['x, y', 'say "hi"', 'line 1\r\nline 2'], ['1', '', '3']]);
  });

  it('what we write reads back the same, BOM first and formulas neutralised', () => {
    const rows = [['标题', 'note'], ['=1+1', 'a "quoted", multi\nline'], ['@cmd', '-5'], ['+x', 'plain']];
    const bytes = toCsv(rows);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const back = parseCsv(decodeText(bytes));
    expect(back[1]![0]).toBe("'=1+1");
    expect(back.map((r) => r.map(unguardFormula))).toEqual(rows);
    expect(guardFormula('热轧')).toBe('热轧');
  });

  it('decodes UTF-8 and the GB18030 that Chinese Excel saves CSV in', () => {
    const gbk = Buffer.from([0xc8, 0xc8, 0xd4, 0xfe, 0x2c, 0xb8, 0xd6, 0xb0, 0xe5]); // 热轧,钢板
    expect(decodeText(gbk)).toBe('热轧,钢板');
    expect(decodeText(Buffer.from('热轧,钢板'))).toBe('热轧,钢板');
  });

  it('tells CSV and xlsx from other files by their bytes; reads a zip’s declared size without inflating it', () => {
    expect(sniffSheet(Buffer.from('a,b\n1,2'))).toBe('csv');
    expect(sniffSheet(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]))).toBeNull();
    expect(sniffSheet(Buffer.from('%PDF-1.4'))).toBeNull();
    expect(sniffSheet(Buffer.from('<html></html>'))).toBeNull();
    expect(sniffSheet(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toBe('xlsx');
    // A zip with one stored entry "a.txt" of 5 bytes.
    const name = Buffer.from('a.txt');
    const data = Buffer.from('hello');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(5, 18);
    local.writeUInt32LE(5, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(5, 20);
    central.writeUInt32LE(5, 24);
    central.writeUInt16LE(name.length, 28);
    const cdOffset = local.length + name.length + data.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(cdOffset, 16);
    expect(zipDeclaredSize(Buffer.concat([local, name, data, central, name, end]))).toBe(5);
    expect(zipDeclaredSize(Buffer.from('not a zip at all, just some text here......'))).toBeNull();
  });
});
