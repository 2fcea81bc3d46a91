import { describe, expect, it } from 'vitest';
import { foreignQuizAnswers } from './quiz-answers.js';

const q = (id: string, options: string[]) => ({ id, text: 't', kind: 'single', options: options.map((o) => ({ id: o, text: o, correct: false })) }) as never;

describe('foreignQuizAnswers', () => {
  const quiz = [q('q1', ['a', 'b']), q('q2', ['c', 'd'])];
  it('accepts answers to this quiz, partial ones included', () => {
    expect(foreignQuizAnswers(quiz, { answers: [{ questionId: 'q1', optionIds: ['a'] }] })).toEqual([]);
  });
  it('names questions of another course and options not offered by their question', () => {
    expect(foreignQuizAnswers(quiz, { answers: [{ questionId: 'qX', optionIds: ['a'] }, { questionId: 'q2', optionIds: ['a', 'c'] }] })).toEqual(['qX', 'a']);
  });
});
