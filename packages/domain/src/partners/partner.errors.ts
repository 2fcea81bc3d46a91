import { defineErrors } from '../common/error-def.js';

/** Error codes of the partners module, with their status and both messages. */
export const partnerErrors = defineErrors({});
