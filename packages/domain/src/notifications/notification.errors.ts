import { defineErrors } from '../common/error-def.js';

/** Error codes of the notifications module, with their status and both messages. */
export const notificationErrors = defineErrors({});
