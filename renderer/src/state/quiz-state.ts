/** Check-your-understanding flow: one question at a time, answers kept only in memory. */
export interface QuizState {
  index: number;
  /** question id -> chosen option id */
  answers: Record<string, string>;
  finished: boolean;
}

export const initialQuiz: QuizState = { index: 0, answers: {}, finished: false };

export type QuizAction =
  | { type: 'answer'; questionId: string; optionId: string }
  | { type: 'next'; total: number }
  | { type: 'restart' };

export function quizReducer(state: QuizState, action: QuizAction): QuizState {
  switch (action.type) {
    case 'answer':
      // The first answer counts; feedback stays on screen until "next".
      if (state.answers[action.questionId] !== undefined) return state;
      return { ...state, answers: { ...state.answers, [action.questionId]: action.optionId } };
    case 'next':
      return state.index + 1 >= action.total ? { ...state, finished: true } : { ...state, index: state.index + 1 };
    case 'restart':
      return initialQuiz;
  }
}

export interface QuizScore {
  right: number;
  total: number;
  /** Ids of the questions answered wrongly, in order. */
  missed: string[];
}

export function scoreQuiz(questions: { id: string; answer: string }[], answers: Record<string, string>): QuizScore {
  const missed = questions.filter((q) => answers[q.id] !== q.answer).map((q) => q.id);
  return { right: questions.length - missed.length, total: questions.length, missed };
}
