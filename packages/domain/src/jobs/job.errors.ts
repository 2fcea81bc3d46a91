import { defineErrors } from '../common/error-def.js';

/** Error codes of the jobs module, with their status and both messages. */
export const jobErrors = defineErrors({});
