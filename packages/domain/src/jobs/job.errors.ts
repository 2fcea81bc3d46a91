import { defineErrors } from '../common/error-def.js';

/** Error codes of the jobs module, with their status and both messages. */
export const jobErrors = defineErrors({
  JOB_KIND_UNKNOWN: {
    status: 404,
    en: 'There is no job called {kind}.',
    zh: '不存在名为 {kind} 的任务。',
  },
  JOB_RUNNER_UNAVAILABLE: {
    status: 503,
    en: 'The job queue cannot be reached right now; try again in a minute.',
    zh: '任务队列暂时无法访问，请稍后再试。',
  },
});
