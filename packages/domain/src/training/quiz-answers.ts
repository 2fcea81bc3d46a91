import type { QuizAttemptInput, QuizQuestion } from './training.schema.js';

/**
 * Answers that do not belong to this quiz: question ids of another course, or option ids not offered by their
 * question. Such an attempt is refused before it is scored or counted (issue #12).
 */
export function foreignQuizAnswers(questions: readonly QuizQuestion[], input: QuizAttemptInput): string[] {
  const byId = new Map(questions.map((q) => [q.id, new Set(q.options.map((o) => o.id))]));
  const foreign: string[] = [];
  for (const a of input.answers) {
    const options = byId.get(a.questionId);
    if (!options) foreign.push(a.questionId);
    else foreign.push(...a.optionIds.filter((id) => !options.has(id)));
  }
  return foreign;
}
