import type { ErrorDef } from './error-def.js';
import { registrationErrors } from '../deal-registrations/deal-registration.errors.js';
import { trainingErrors } from '../training/training.errors.js';
import { partnerErrors } from '../partners/partner.errors.js';
import { agreementErrors } from '../agreements/agreement.errors.js';
import { authErrors } from '../auth/auth.errors.js';
import { userErrors } from '../users/users.errors.js';
import { catalogErrors } from '../catalog/catalog.errors.js';
import { policyErrors } from '../policies/policy.errors.js';
import { notificationErrors } from '../notifications/notification.errors.js';
import { jobErrors } from '../jobs/job.errors.js';
import { reportingErrors } from '../reporting/reporting.errors.js';
import { rebateErrors } from '../rebates/rebates.errors.js';
import { sellOutErrors } from '../rebates/sell-out.errors.js';
import { paymentErrors } from '../rebates/payments.errors.js';
import { rebatePerformanceErrors } from '../rebates/rebates-performance.errors.js';
import { renewalErrors } from '../renewals/renewal.errors.js';
import { databaseErrors } from './database.errors.js';

/**
 * Stable error codes: the API answers with one of these, the apps translate it.
 * The HTTP status of each code lives here too, so there is one table to read.
 */
const CORE_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  USER_DISABLED: 403,
  SELF_APPROVAL: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  EXCLUSIVE_OVERLAP: 409,
  INVALID_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  AGREEMENT_INCOMPLETE: 422,
  LOGIN_THROTTLED: 429,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

/** Every module's own codes (status + both messages), merged into one table. */
export const MODULE_ERRORS = {
  ...registrationErrors,
  ...trainingErrors,
  ...partnerErrors,
  ...agreementErrors,
  ...authErrors,
  ...userErrors,
  ...catalogErrors,
  ...policyErrors,
  ...notificationErrors,
  ...jobErrors,
  ...reportingErrors,
  ...rebateErrors,
  ...sellOutErrors,
  ...paymentErrors,
  ...rebatePerformanceErrors,
  ...renewalErrors,
  ...databaseErrors,
} satisfies Record<string, ErrorDef>;

export type ErrorCode = keyof typeof CORE_STATUS | keyof typeof MODULE_ERRORS;

export const ERROR_STATUS: Record<ErrorCode, number> = {
  ...CORE_STATUS,
  ...(Object.fromEntries((Object.entries(MODULE_ERRORS) as [string, ErrorDef][]).map(([code, def]) => [code, def.status])) as Record<keyof typeof MODULE_ERRORS, number>),
};

export interface FieldIssue {
  path: string;
  code: string;
  message: string;
}

/** The body of every error response. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
  details?: Record<string, unknown>;
  requestId?: string;
}
