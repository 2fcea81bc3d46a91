import { defineErrors } from '../common/error-def.js';

/** Error codes of the auth and users modules (accounts), with their status and both messages. */
export const authErrors = defineErrors({
  ACCOUNT_EMAIL_TAKEN: {
    status: 409,
    en: 'An account with this email already exists; sign in instead, or use another email.',
    zh: '该邮箱已有账号，请直接登录或使用其他邮箱。',
  },
  CANNOT_DISABLE_SELF: {
    status: 422,
    en: 'You cannot disable your own account.',
    zh: '不能停用您自己的账号。',
  },
  CSRF_REJECTED: {
    status: 403,
    en: 'This change was sent from another site and was refused. Open Partnerline itself and try again.',
    zh: '该修改来自其他网站，已被拒绝。请直接打开 Partnerline 后重试。',
  },
  UNKNOWN_TIME_ZONE: {
    status: 422,
    en: 'Unknown time zone "{timeZone}"; use an IANA name such as Asia/Shanghai.',
    zh: '未知时区“{timeZone}”，请使用 IANA 名称，如 Asia/Shanghai。',
  },
});
