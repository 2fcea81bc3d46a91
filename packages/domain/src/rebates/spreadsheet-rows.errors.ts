import { defineErrors } from '../common/error-def.js';

/**
 * Error codes of spreadsheet imports in general (sell-out reports, invoice sheets: the file, its size, its rows, its
 * header), with both messages. Merged into the catalogue with the sell-out codes (sell-out.errors.ts).
 */
export const importErrors = defineErrors({
  IMPORT_FILE_MISSING: {
    status: 400,
    en: 'Attach the file (CSV or XLSX) in the form field "file".',
    zh: '请在表单字段“file”中附上文件（CSV 或 XLSX）。',
  },
  IMPORT_MULTIPART_INVALID: {
    status: 400,
    en: 'Send one file as multipart/form-data in the field "file", with the other fields beside it.',
    zh: '请以 multipart/form-data 方式在字段“file”中发送一个文件，其他字段一并提交。',
  },
  IMPORT_FILE_TOO_LARGE: {
    status: 413,
    en: 'The file is larger than {maxMb} MB; split it into smaller files.',
    zh: '文件超过 {maxMb} MB，请拆分成较小的文件。',
  },
  IMPORT_FILE_TYPE: {
    status: 422,
    en: 'Only CSV or XLSX files can be imported.',
    zh: '只能导入 CSV 或 XLSX 文件。',
  },
  IMPORT_FILE_UNREADABLE: {
    status: 422,
    en: 'The file cannot be read as {format}; save it again as a CSV (UTF-8) or an Excel workbook (.xlsx).',
    zh: '无法按 {format} 读取该文件，请重新另存为 CSV（UTF-8）或 Excel 工作簿（.xlsx）。',
  },
  IMPORT_FILE_EMPTY: {
    status: 422,
    en: 'The file has no data rows under its header row.',
    zh: '文件的表头下没有数据行。',
  },
  IMPORT_FILE_TOO_MANY_ROWS: {
    status: 422,
    en: 'The file has more than {max} rows; split it into smaller files.',
    zh: '文件超过 {max} 行，请拆分成较小的文件。',
  },
  IMPORT_COLUMNS_MISSING: {
    status: 422,
    en: 'The header row lacks the column(s) {missing}. Expected columns: {expected}.',
    zh: '表头缺少以下列：{missing}。应包含的列：{expected}。',
  },
});
