import { defineErrors } from '../common/error-def.js';

/** Error codes of access administration (staff invitations, roles, password reset). */
export const userErrors = defineErrors({
  CANNOT_CHANGE_OWN_ROLE: {
    status: 422,
    en: 'You cannot change your own role; ask another administrator.',
    zh: '不能修改自己的角色，请联系其他管理员。',
  },
  ROLE_CHANGE_NOT_ALLOWED: {
    status: 422,
    en: 'Only vendor staff roles can be changed here; partner users are managed by their organisation.',
    zh: '此处只能修改厂商员工的角色；合作伙伴用户由其所在组织管理。',
  },
  PASSWORD_RESET_INVALID: {
    status: 422,
    en: 'This password-reset link is invalid, already used or expired. Ask for a new one from the sign-in page.',
    zh: '该密码重置链接无效、已被使用或已过期，请在登录页重新申请。',
  },
  EMAIL_NOT_CONFIGURED: {
    status: 503,
    en: 'Email is not configured on this server, so no link can be sent. Ask an administrator to reset your password.',
    zh: '此服务器未配置邮件，无法发送链接。请联系管理员重置密码。',
  },
});
