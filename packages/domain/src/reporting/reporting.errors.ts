import { defineErrors } from '../common/error-def.js';

/** Error codes of the reporting module, with their status and both messages. */
export const reportingErrors = defineErrors({});
