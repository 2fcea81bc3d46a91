import { defineErrors } from '../common/error-def.js';

/** Error codes of the policies module, with their status and both messages. */
export const policyErrors = defineErrors({
  POLICY_UNKNOWN_TIME_ZONE: {
    status: 422,
    en: 'Unknown time zone "{timeZone}"; the business clock needs an IANA name such as Asia/Shanghai.',
    zh: '未知时区“{timeZone}”：业务时钟需要 IANA 时区名称，如 Asia/Shanghai。',
  },
});
