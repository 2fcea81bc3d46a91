import { defineErrors } from '../common/error-def.js';

/** Error codes of the agreements module, with their status and both messages. */
export const agreementErrors = defineErrors({});
