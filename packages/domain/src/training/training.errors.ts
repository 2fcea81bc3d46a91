import { defineErrors } from '../common/error-def.js';

/** Error codes of the training module, with their status and both messages. */
export const trainingErrors = defineErrors({});
