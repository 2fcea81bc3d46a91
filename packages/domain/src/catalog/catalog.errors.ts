import { defineErrors } from '../common/error-def.js';

/** Error codes of the catalog module, with their status and both messages. */
export const catalogErrors = defineErrors({});
