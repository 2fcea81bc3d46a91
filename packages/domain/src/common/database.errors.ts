import { defineErrors } from './error-def.js';

/** What a refused database statement means to the user (constraint violations, bad values, contention). */
export const databaseErrors = defineErrors({
  DUPLICATE_RECORD: {
    status: 409,
    en: 'This record already exists; the value must be unique.',
    zh: '该记录已存在，此值必须唯一。',
  },
  OVERLAPPING_RECORD: {
    status: 409,
    en: 'This overlaps an existing record.',
    zh: '与现有记录重叠。',
  },
  REFERENCE_MISSING: {
    status: 422,
    en: 'A record this refers to does not exist.',
    zh: '所引用的记录不存在。',
  },
  VALUE_FORMAT: {
    status: 400,
    en: 'A value has the wrong format.',
    zh: '某个值的格式不正确。',
  },
  TEXT_NOT_STORABLE: {
    status: 400,
    en: 'A text contains a character that cannot be stored (a NUL byte or a broken Unicode character); remove it.',
    zh: '文本中包含无法保存的字符（NUL 字节或损坏的 Unicode 字符），请删除。',
  },
  VALUE_OUT_OF_RANGE: {
    status: 422,
    en: 'The value of {field} is not allowed here.',
    zh: '{field} 的取值不被允许。',
  },
  DATABASE_BUSY: {
    status: 503,
    en: 'The database was busy; retry the request.',
    zh: '数据库繁忙，请重试。',
  },
});
