import { CourseInputSchema, type QuizQuestion } from '@partnerline/domain';
import { AppProviders, initI18n } from '@partnerline/ui';
import { QueryClient } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../../i18n';
import { QuizEditor } from './QuizEditor';

/** The editor in a parent that keeps its state, like the course editor does; `latest` sees every change. */
function renderQuiz(initial: QuizQuestion[] = [], errors: Record<string, string> = {}) {
  const latest: { quiz: QuizQuestion[] } = { quiz: initial };
  function Harness() {
    const [quiz, setQuiz] = useState(initial);
    return (
      <QuizEditor
        value={quiz}
        errors={errors}
        onChange={(q) => {
          latest.quiz = q;
          setQuiz(q);
        }}
      />
    );
  }
  render(
    <AppProviders i18n={initI18n(catalogue, 'en')} queryClient={new QueryClient()}>
      <Harness />
    </AppProviders>,
  );
  return latest;
}

describe('the quiz editor', () => {
  it('builds a single-choice question with exactly one correct option, as the course schema requires', async () => {
    const latest = renderQuiz();
    expect(screen.getByText('No question yet. A course needs a quiz before it can be published.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add a question' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Question 1' }), 'Which layer stores the raw events?');
    await userEvent.type(screen.getByRole('textbox', { name: 'Question 1, option 1' }), 'Staging');
    await userEvent.type(screen.getByRole('textbox', { name: 'Question 1, option 2' }), 'Mart');
    await userEvent.click(screen.getByRole('button', { name: 'Add an option' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Question 1, option 3' }), 'Landing zone');
    // A radio: choosing the third moves the single correct answer there.
    await userEvent.click(screen.getByRole('radio', { name: 'Question 1, option 3 is correct' }));

    const [q] = latest.quiz;
    expect(q.kind).toBe('single');
    expect(q.options.map((o) => [o.text, o.correct])).toEqual([
      ['Staging', false],
      ['Mart', false],
      ['Landing zone', true],
    ]);
    const course = { code: 'DATA-101', title: 'Data', track: 'solution_technical', jobRole: 'presales', productLineId: '00000000-0000-4000-8000-000000000001', language: 'en', modules: [{ id: crypto.randomUUID(), title: 'Intro' }], quiz: latest.quiz };
    expect(CourseInputSchema.safeParse(course).success).toBe(true);
  });

  it('allows several correct options in multiple choice, keeps only the first when going back to single, and keeps 2–8 options', async () => {
    const latest = renderQuiz();
    await userEvent.click(screen.getByRole('button', { name: 'Add a question' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Multiple choice' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Question 1, option 2 is correct' }));
    expect(latest.quiz[0].options.map((o) => o.correct)).toEqual([true, true]);

    // Two options is the minimum; eight the maximum.
    expect(screen.getByRole('button', { name: 'Remove option 1 of question 1' })).toBeDisabled();
    for (let i = 0; i < 6; i++) await userEvent.click(screen.getByRole('button', { name: 'Add an option' }));
    expect(latest.quiz[0].options).toHaveLength(8);
    expect(screen.getByRole('button', { name: 'Add an option' })).toBeDisabled();

    await userEvent.click(screen.getByRole('radio', { name: 'Single choice' }));
    expect(latest.quiz[0].kind).toBe('single');
    expect(latest.quiz[0].options.filter((o) => o.correct)).toHaveLength(1);
    expect(latest.quiz[0].options[0].correct).toBe(true);

    // Removing the correct option of a single-choice question hands "correct" to the first remaining one.
    await userEvent.click(screen.getByRole('button', { name: 'Remove option 1 of question 1' }));
    expect(latest.quiz[0].options).toHaveLength(7);
    expect(latest.quiz[0].options.filter((o) => o.correct)).toHaveLength(1);
  });

  it('shows the schema’s errors at the question they belong to, and removes questions', async () => {
    const q = (prompt: string): QuizQuestion => ({ id: crypto.randomUUID(), kind: 'multiple', prompt, options: [{ id: crypto.randomUUID(), text: 'a', correct: false }, { id: crypto.randomUUID(), text: 'b', correct: false }] });
    const latest = renderQuiz([q('First'), q('Second')], { 'quiz.1.options': 'A single-choice question needs exactly one correct option; a multiple-choice question at least one.' });
    const cards = screen.getAllByTestId('quiz-question');
    expect(within(cards[0]).queryByRole('alert')).toBeNull();
    expect(within(cards[1]).getByRole('alert')).toHaveTextContent('at least one');
    await userEvent.click(screen.getByRole('button', { name: 'Remove question 1' }));
    expect(latest.quiz.map((x) => x.prompt)).toEqual(['Second']);
  });
});
