/**
 * Client-side CSV files (the ledger's reconciliation export, the sell-out template): RFC 4180 quoting, a UTF-8
 * byte-order mark so Excel opens Chinese text correctly, CRLF rows. A statement's CSV and XLSX come from the API.
 */
export type Cell = string | number | null | undefined;

const NUMBER = /^-?\d+(\.\d+)?$/;

/** One cell: quoted when it holds a quote, a comma or a line break; text that a spreadsheet would run as a formula is defused. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && !NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Saves text as a file through a temporary link (revoked afterwards). */
export function download(filename: string, content: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
