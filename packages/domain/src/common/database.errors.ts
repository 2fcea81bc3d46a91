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
  DATABASE_BUSY: {
    status: 503,
    en: 'The database was busy; retry the request.',
    zh: '数据库繁忙，请重试。',
  },
});
