import { defineErrors } from '../common/error-def.js';

/** Error codes of the auth module, with their status and both messages. */
export const authErrors = defineErrors({});
