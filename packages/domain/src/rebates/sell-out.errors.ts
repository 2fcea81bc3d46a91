import { defineErrors } from '../common/error-def.js';
import { importErrors } from './spreadsheet-rows.errors.js';

/** Error codes of sell-out reports, with both messages (and, merged in, those of spreadsheet imports in general). */
export const sellOutErrors = {
  ...importErrors,
  ...defineErrors({
    SELL_OUT_ROWS_INVALID: {
      status: 422,
      en: '{count} row(s) cannot be imported (rows {rows}); nothing was imported. Correct them, or import only the good rows.',
      zh: '有 {count} 行无法导入（第 {rows} 行），本次未导入任何数据。请更正后重试，或选择只导入正确的行。',
    },
    SELL_OUT_NOT_DISTRIBUTION: {
      status: 422,
      en: 'Sell-out is reported on distribution agreements only.',
      zh: '只有分销协议需要报送出货（sell-out）数据。',
    },
    SELL_OUT_AGREEMENT_NOT_IN_FORCE: {
      status: 422,
      en: 'This agreement has not come into force; sell-out can be reported once it is active.',
      zh: '该协议尚未生效，生效后才能报送出货数据。',
    },
    SELL_OUT_PERIOD_UNKNOWN: {
      status: 422,
      en: '{periodStart} does not start one of this agreement’s evaluation periods ({periods}).',
      zh: '{periodStart} 不是该协议任一考核周期的开始日期（{periods}）。',
    },
    SELL_OUT_PERIOD_NOT_STARTED: {
      status: 422,
      en: 'The period starting {periodStart} has not begun yet; report its sell-out once it has.',
      zh: '自 {periodStart} 起的考核周期尚未开始，请在周期开始后再报送。',
    },
    SELL_OUT_DUPLICATE_FILE: {
      status: 409,
      en: 'This file was already reported for this period on {reportedOn}; its lines count once.',
      zh: '该文件已于 {reportedOn} 为本周期报送过，其中的数据只计一次。',
    },
    SELL_OUT_REPORT_EXISTS: {
      status: 409,
      en: 'A sell-out report for this period was already sent on {reportedOn} ({fileName}); only one report counts per period. Replace it to count the new file instead of the old one.',
      zh: '本周期已于 {reportedOn} 报送过出货报告（{fileName}），每个周期只计一份报告。如需以新文件代替旧报告，请选择替换。',
    },
  }),
};
