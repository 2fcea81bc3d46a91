import { defineErrors } from '../common/error-def.js';

/** Error codes of the policies module, with their status and both messages. */
export const policyErrors = defineErrors({});
