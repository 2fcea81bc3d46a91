import { defineErrors } from '../common/error-def.js';

/** Error codes of the deal-registrations module, with their status and both messages. */
export const registrationErrors = defineErrors({});
