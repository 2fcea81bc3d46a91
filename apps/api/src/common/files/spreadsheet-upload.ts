import { createHash } from 'node:crypto';
import { Injectable, type CallHandler, type ExecutionContext, HttpException, type NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  type ColumnAliases,
  columnWords,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  ISSUES_SHOWN,
  type SheetTable,
  sheetRecords,
} from '@partnerline/domain';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../errors/app-error';
import { storedFileName } from './file-name';

/** An uploaded file as multer hands it over (memory storage). */
export type UploadedSheet = { originalname: string; buffer: Buffer } | undefined;

/**
 * The multipart upload of an import (field `file`, one file, at most IMPORT_MAX_BYTES), whose refusals are the import's
 * own codes: too large → IMPORT_FILE_TOO_LARGE (413, naming the limit), anything else multer refuses (another field
 * name, two files, a broken multipart body) → IMPORT_MULTIPART_INVALID (400).
 */
const Multipart = FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 20 }, defParamCharset: 'utf8' } as never);

@Injectable()
export class SpreadsheetUploadInterceptor implements NestInterceptor {
  private readonly inner = new Multipart() as NestInterceptor;

  async intercept(context: ExecutionContext, next: CallHandler) {
    try {
      return await this.inner.intercept(context, next);
    } catch (err) {
      if (err instanceof HttpException && err.getStatus() === 413) throw new AppError('IMPORT_FILE_TOO_LARGE', { maxMb: IMPORT_MAX_BYTES / 1024 / 1024 });
      if (err instanceof HttpException && err.getStatus() < 500) throw new AppError('IMPORT_MULTIPART_INVALID');
      throw err;
    }
  }
}

export interface ReadSheet {
  table: SheetTable;
  format: 'CSV' | 'XLSX';
  sha256: string;
  fileName: string;
}

/** Reads an uploaded CSV (UTF-8, or GB18030 as Chinese Excel saves it) or XLSX (first worksheet) into rows of cell texts. */
export async function readSheet(file: UploadedSheet): Promise<ReadSheet> {
  if (!file) throw new AppError('IMPORT_FILE_MISSING');
  const content = file.buffer;
  if (content.length > IMPORT_MAX_BYTES) throw new AppError('IMPORT_FILE_TOO_LARGE', { maxMb: IMPORT_MAX_BYTES / 1024 / 1024 });
  if (content.length === 0) throw new AppError('IMPORT_FILE_EMPTY');
  const fileName = storedFileName(file.originalname);
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const zip = content[0] === 0x50 && content[1] === 0x4b;
  const sha256 = createHash('sha256').update(content).digest('hex');
  let table: string[][];
  let format: ReadSheet['format'];
  if (ext === 'xlsx' || (zip && ext !== 'csv' && ext !== 'txt')) {
    if (!zip) throw new AppError('IMPORT_FILE_UNREADABLE', { format: 'XLSX' });
    format = 'XLSX';
    table = await readXlsx(content);
  } else if (ext === 'csv' || ext === 'txt') {
    format = 'CSV';
    table = readCsv(content);
  } else {
    throw new AppError('IMPORT_FILE_TYPE');
  }
  // The header row plus at most IMPORT_MAX_ROWS data rows (blank rows are not counted).
  if (table.filter((r) => r.some((c) => c.trim())).length > IMPORT_MAX_ROWS + 1) throw new AppError('IMPORT_FILE_TOO_MANY_ROWS', { max: IMPORT_MAX_ROWS });
  return { table, format, sha256, fileName };
}

/** "3, 5, 9" — the first rows of a refusal, for its message (details list them all). */
function rowList(rows: readonly number[]): string {
  return rows.length > 10 ? `${rows.slice(0, 10).join(', ')} …` : rows.join(', ');
}

/**
 * The records of a sheet, or the import's refusal: IMPORT_FILE_EMPTY, or IMPORT_COLUMNS_MISSING naming the missing
 * columns (in Chinese by `columnWords`) and the `expected` ones.
 */
export function recordsOrThrow<K extends string>(
  table: SheetTable,
  columns: ColumnAliases<K>,
  expected: string,
  opts: { optional?: readonly NoInfer<K>[]; dateColumns?: readonly NoInfer<K>[] } = {},
): { rows: Record<K, string | undefined>[]; rowNumbers: number[] } {
  const records = sheetRecords(table, columns, opts);
  if (records.ok) return records;
  if ('empty' in records) throw new AppError('IMPORT_FILE_EMPTY');
  const zh = columnWords(columns);
  const missing = { en: records.missing.join(', '), 'zh-CN': records.missing.map((c) => zh[c]).join('、') };
  throw new AppError('IMPORT_COLUMNS_MISSING', { missing, expected }, { missing: records.missing });
}

/** The refusal of a file with bad rows (`code`, 422): every bad row, the first ISSUES_SHOWN issues; nothing was stored. */
export function rowsRefusal(code: 'SELL_OUT_ROWS_INVALID' | 'PAYMENT_ROWS_INVALID', issues: readonly { row: number }[], rowCount: number): AppError {
  const badRows = [...new Set(issues.map((i) => i.row))];
  return new AppError(code, { count: badRows.length, rows: rowList(badRows) }, { issues: issues.slice(0, ISSUES_SHOWN), issueCount: issues.length, badRows, rowCount });
}

function decodeText(content: Buffer): string {
  const body = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? content.subarray(3) : content;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // Excel on a Chinese Windows saves "CSV" in the ANSI code page, GBK (a subset of GB18030).
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(body);
    } catch {
      throw new AppError('IMPORT_FILE_UNREADABLE', { format: 'CSV' });
    }
  }
  if (text.includes('\u0000')) throw new AppError('IMPORT_FILE_UNREADABLE', { format: 'CSV' });
  return text;
}

function readCsv(content: Buffer): string[][] {
  const text = decodeText(content);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const delimiter = count('\t') > count(',') ? '\t' : count(';') > count(',') ? ';' : ',';
  try {
    return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, max_record_size: 100_000 }) as string[][];
  } catch {
    throw new AppError('IMPORT_FILE_UNREADABLE', { format: 'CSV' });
  }
}

// A workbook may expand to at most this much, with at most this many parts: a small zip bomb is refused unread.
const XLSX_MAX_EXPANDED = 100 * 1024 * 1024;
const XLSX_MAX_ENTRIES = 5_000;

/** The total uncompressed size declared by a zip's central directory, or null when it cannot be read (or is zip64). */
export function zipExpandedSize(buf: Buffer): { bytes: number; entries: number } | null {
  const floor = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= floor; i--) {
    if (buf.readUInt32LE(i) !== 0x06054b50) continue;
    const entries = buf.readUInt16LE(i + 10);
    const offset = buf.readUInt32LE(i + 16);
    if (entries === 0xffff || offset === 0xffffffff) return null;
    let p = offset;
    let bytes = 0;
    for (let e = 0; e < entries; e++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
      bytes += buf.readUInt32LE(p + 24);
      p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    return { bytes, entries };
  }
  return null;
}

async function readXlsx(content: Buffer): Promise<string[][]> {
  const size = zipExpandedSize(content);
  if (!size || size.bytes > XLSX_MAX_EXPANDED || size.entries > XLSX_MAX_ENTRIES) throw new AppError('IMPORT_FILE_UNREADABLE', { format: 'XLSX' });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as never);
  } catch {
    throw new AppError('IMPORT_FILE_UNREADABLE', { format: 'XLSX' });
  }
  const sheet = workbook.worksheets.find((w) => w.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet) throw new AppError('IMPORT_FILE_EMPTY');
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    table[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(table, (r) => r ?? []);
}

/** A cell as the text a person reads in it: dates as YYYY-MM-DD, numbers without float noise, formulas by their result. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isFinite(v) ? String(Number(v.toPrecision(15))) : '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('formula' in v || 'sharedFormula' in v) return '';
    if ('text' in v) return typeof v.text === 'string' ? v.text : cellText(v.text as ExcelJS.CellValue);
  }
  return '';
}
