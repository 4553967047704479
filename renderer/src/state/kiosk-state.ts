/**
 * Everything the patient side remembers, in memory only: the screen and its history, the
 * language, display choices and quiz answers. An idle reset returns to `initialKioskState`.
 */
import { quizReducer, initialQuiz, type QuizAction, type QuizState } from './quiz-state';
import type { SessionRole } from '../../../electron/shared/contract';

export type Screen =
  | { name: 'attract' }
  | { name: 'language' }
  | { name: 'procedures' }
  | { name: 'home' }
  | { name: 'topic'; topicId: string }
  | { name: 'walkthrough'; step: number }
  | { name: 'quiz' }
  | { name: 'glossary' }
  | { name: 'staff' }
  | { name: 'staff-menu' }
  | { name: 'discharge' }
  | { name: 'admin' };

/** Who is signed in on this screen: the same roles the contract checks. */
export type StaffRoleState = SessionRole;

/** Staff screens: shown in the clinic's default language, with the staff session timeout. */
export const staffScreens: ReadonlySet<Screen['name']> = new Set(['staff', 'staff-menu', 'discharge', 'admin']);

export type TextSize = 0 | 1 | 2;

export interface DisplaySettings {
  textSize: TextSize;
  highContrast: boolean;
  reducedMotion: boolean;
}

export interface KioskState {
  screen: Screen;
  history: Screen[];
  locale: string | null;
  /** The procedure being read about; null until chosen (or when there is only one). */
  procedureId: string | null;
  display: DisplaySettings;
  quiz: QuizState;
  staffRole: StaffRoleState;
  /** The signed-in person's language for staff and admin screens, for this staff session only. */
  staffLocale: string | null;
}

export const initialKioskState: KioskState = {
  screen: { name: 'attract' },
  history: [],
  locale: null,
  procedureId: null,
  display: { textSize: 0, highContrast: false, reducedMotion: false },
  quiz: initialQuiz,
  staffRole: 'public',
  staffLocale: null,
};

export type KioskAction =
  | { type: 'navigate'; screen: Screen }
  /** Replace the current screen without adding to history (walkthrough steps). */
  | { type: 'replace'; screen: Screen }
  | { type: 'back' }
  | { type: 'home' }
  | { type: 'chooseLocale'; locale: string; procedureCount?: number }
  | { type: 'chooseProcedure'; procedureId: string }
  | { type: 'setTextSize'; size: TextSize }
  | { type: 'toggleContrast' }
  | { type: 'toggleMotion' }
  | { type: 'quiz'; action: QuizAction }
  | { type: 'staffSignedIn'; role: 'nurse' | 'admin' }
  /** Staff screens' language; the patient's language stays as it is. */
  | { type: 'chooseStaffLocale'; locale: string }
  | { type: 'reset' };

const MAX_HISTORY = 50;

export function kioskReducer(state: KioskState, action: KioskAction): KioskState {
  switch (action.type) {
    case 'navigate':
      return { ...state, screen: action.screen, history: [...state.history, state.screen].slice(-MAX_HISTORY) };
    case 'replace':
      return { ...state, screen: action.screen };
    case 'back': {
      const previous = state.history.at(-1);
      if (!previous) return state.screen.name === 'home' ? state : { ...state, screen: { name: 'home' } };
      return { ...state, screen: previous, history: state.history.slice(0, -1) };
    }
    case 'home':
      return { ...state, screen: { name: 'home' }, history: [] };

    case 'chooseLocale':
      // With several procedures the patient picks one first (unless already chosen).
      return { ...state, locale: action.locale, screen: { name: (action.procedureCount ?? 1) > 1 && !state.procedureId ? 'procedures' : 'home' }, history: [] };
    case 'chooseProcedure':
      return { ...state, procedureId: action.procedureId, screen: { name: 'home' }, history: [], quiz: initialQuiz };
    case 'setTextSize':
      return { ...state, display: { ...state.display, textSize: action.size } };
    case 'toggleContrast':
      return { ...state, display: { ...state.display, highContrast: !state.display.highContrast } };
    case 'toggleMotion':
      return { ...state, display: { ...state.display, reducedMotion: !state.display.reducedMotion } };
    case 'quiz':
      return { ...state, quiz: quizReducer(state.quiz, action.action) };
    case 'staffSignedIn':
      return { ...state, staffRole: action.role, screen: { name: 'staff-menu' }, history: [] };
    case 'chooseStaffLocale':
      return { ...state, staffLocale: action.locale };
    case 'reset':
      return initialKioskState;
  }
}
