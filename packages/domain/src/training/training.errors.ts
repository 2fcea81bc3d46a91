import { defineErrors } from '../common/error-def.js';

/** Error codes of the training module, with their status and both messages. */
export const trainingErrors = defineErrors({
  // Courses
  COURSE_CODE_TAKEN: { status: 409, en: 'A course with code {code} already exists.', zh: '课程代码 {code} 已存在。' },
  COURSE_PRODUCT_LINE_UNKNOWN: { status: 422, en: 'The product line does not exist.', zh: '该产品线不存在。' },
  COURSE_QUIZ_REQUIRED: { status: 422, en: 'A course needs a quiz before it can be published.', zh: '课程须先设置测验，才能发布。' },
  COURSE_NOT_OPEN: { status: 422, en: 'This course is not open for enrolment.', zh: '该课程暂未开放报名。' },
  COURSE_NO_QUIZ: { status: 422, en: 'This course has no quiz.', zh: '该课程没有测验。' },
  // Quizzes
  QUIZ_ALREADY_PASSED: { status: 422, en: 'You have already passed this quiz.', zh: '您已通过该测验。' },
  QUIZ_MODULES_INCOMPLETE: { status: 422, en: 'Complete every module before taking the quiz.', zh: '请先完成全部单元，再参加测验。' },
  QUIZ_NO_ATTEMPTS_LEFT: {
    status: 422,
    en: 'All {limit} attempts are used; ask your channel manager to reset the course.',
    zh: '{limit} 次测验机会已全部用完，请联系渠道经理重置课程。',
  },
  QUIZ_FOREIGN_ANSWERS: {
    status: 422,
    en: 'These answers do not belong to this quiz: {ids}. Reload the quiz and answer again; no attempt was used.',
    zh: '以下答案不属于本测验：{ids}。请重新加载测验后作答；本次未消耗测验机会。',
  },
  LEARNER_ALREADY_PASSED: { status: 422, en: 'This learner has already passed the quiz.', zh: '该学员已通过测验。' },
  // Certifications
  CERTIFICATION_COURSES_UNKNOWN: { status: 422, en: 'Unknown course(s): {courses}.', zh: '课程不存在：{courses}。' },
  CERTIFICATION_NAME_TAKEN: { status: 409, en: 'A certification named {name} already exists.', zh: '名为“{name}”的认证已存在。' },
  CERTIFICATION_ALREADY_REVOKED: { status: 409, en: 'This certification is already revoked.', zh: '该证书已被撤销。' },
  // Qualification reviews
  REVIEW_PARTNER_NOT_REVIEWABLE: {
    status: 422,
    en: 'Only a partner on trial, active or suspended can be reviewed (this one is {status}).',
    zh: '只有试合作、合作中或已暂停的合作伙伴才能进行资格审查（该合作伙伴状态为 {status}）。',
  },
  REVIEW_ALREADY_SCHEDULED: {
    status: 409,
    en: 'A review of {partner} is already scheduled for {due}.',
    zh: '{partner} 已安排了 {due} 的资格审查。',
  },
  // Support requests
  SUPPORT_ASSIGNEE_INVALID: {
    status: 422,
    en: 'The assignee must be an active channel manager or vendor admin.',
    zh: '处理人必须是在职的渠道经理或厂商管理员。',
  },
  SUPPORT_NO_FUNDS_PENDING: { status: 422, en: 'This request has no funds awaiting a decision.', zh: '该申请没有待审批的经费。' },
  SUPPORT_FUNDS_OUT_OF_RANGE: {
    status: 422,
    en: 'Approved funds must be more than 0 and at most the {requested} requested.',
    zh: '批准的经费须大于 0，且不超过申请的 {requested}。',
  },
});
