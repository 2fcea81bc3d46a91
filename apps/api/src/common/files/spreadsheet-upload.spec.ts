import ExcelJS from 'exceljs';
import { AppError } from '../errors/app-error';
import { cellText, readSheet, zipExpandedSize } from './spreadsheet-upload';

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('S').addRow(['date', 'amount']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const refusal = (p: Promise<unknown>) => p.then(() => null, (e: AppError) => e.code);

describe('reading an uploaded sheet', () => {
  it('reads a workbook’s declared size, and refuses one that would expand beyond 100 MB unread', async () => {
    const buf = await workbook();
    const size = zipExpandedSize(buf);
    expect(size!.entries).toBeGreaterThan(3);
    expect(size!.bytes).toBeGreaterThan(0);
    expect((await readSheet({ originalname: 'a.xlsx', buffer: buf })).table[0]).toEqual(['date', 'amount']);
    // Declare 200 MB for the first central-directory entry (a zip bomb's shape).
    const bomb = Buffer.from(buf);
    const cd = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(200 * 1024 * 1024, cd + 24);
    expect(await refusal(readSheet({ originalname: 'a.xlsx', buffer: bomb }))).toBe('IMPORT_FILE_UNREADABLE');
  });

  it('refuses a missing, empty, binary-in-CSV or unknown file with its own code', async () => {
    expect(await refusal(readSheet(undefined))).toBe('IMPORT_FILE_MISSING');
    expect(await refusal(readSheet({ originalname: 'a.csv', buffer: Buffer.alloc(0) }))).toBe('IMPORT_FILE_EMPTY');
    expect(await refusal(readSheet({ originalname: 'a.csv', buffer: Buffer.from('a,b\u0000c') }))).toBe('IMPORT_FILE_UNREADABLE');
    expect(await refusal(readSheet({ originalname: 'a.xls', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) }))).toBe('IMPORT_FILE_TYPE');
  });

  it('reads semicolon and tab separated CSV, and keeps a safe file name', async () => {
    expect((await readSheet({ originalname: 'a.csv', buffer: Buffer.from('date;amount\n2026-01-01;1,5') })).table).toEqual([['date', 'amount'], ['2026-01-01', '1,5']]);
    expect((await readSheet({ originalname: 'a.txt', buffer: Buffer.from('date\tamount\n2026-01-01\t1') })).table[1]).toEqual(['2026-01-01', '1']);
    expect((await readSheet({ originalname: 'x\u202Efdp.csv', buffer: Buffer.from('a') })).fileName).toBe('xfdp.csv');
  });

  it('renders cells as a person reads them', () => {
    expect(cellText(new Date('2026-07-05T00:00:00Z'))).toBe('2026-07-05');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(1250)).toBe('1250');
    expect(cellText({ richText: [{ text: '甲' }, { text: '公司' }] })).toBe('甲公司');
    expect(cellText({ formula: 'A1*2', result: 4 } as ExcelJS.CellValue)).toBe('4');
    expect(cellText({ text: 'link', hyperlink: 'https://x' })).toBe('link');
    expect(cellText(null)).toBe('');
  });
});

describe('the stored name of an imported sheet', () => {
  it('is the one stored-name rule of every upload: unsafe characters dropped, slashes replaced, the extension kept', async () => {
    const csv = Buffer.from('date,amount\n2026-01-01,1\n', 'utf8');
    expect((await readSheet({ originalname: 'q3\u202E/sales.csv', buffer: csv })).fileName).toBe('q3_sales.csv');
    const long = await readSheet({ originalname: `${'会'.repeat(300)}.csv`, buffer: csv });
    expect(long.fileName).toHaveLength(200);
    expect(long.format).toBe('CSV');
  });
});
