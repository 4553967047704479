import { describe, expect, it } from 'vitest';
import { initialKioskState, kioskReducer, type KioskAction, type KioskState } from '../../renderer/src/state/kiosk-state';
import { quizReducer, initialQuiz, scoreQuiz } from '../../renderer/src/state/quiz-state';
import { moveForKey, moveForSwipe, moveStep } from '../../renderer/src/state/walkthrough-state';
import { idlePhase, MIN_WARNING_MS } from '../../renderer/src/state/idle-phase';
import { speechChunks, voiceFor } from '../../renderer/src/hooks/useSpeech';

const run = (actions: KioskAction[], from: KioskState = initialKioskState) => actions.reduce(kioskReducer, from);

describe('kiosk navigation and settings', () => {
  it('language choice leads home with a clean history; back walks the history', () => {
    const s = run([
      { type: 'navigate', screen: { name: 'language' } },
      { type: 'chooseLocale', locale: 'ar' },
      { type: 'navigate', screen: { name: 'topic', topicId: 'after' } },
      { type: 'navigate', screen: { name: 'glossary' } },
    ]);
    expect(s.locale).toBe('ar');
    expect(s.screen).toEqual({ name: 'glossary' });
    expect(run([{ type: 'back' }], s).screen).toEqual({ name: 'topic', topicId: 'after' });
    expect(run([{ type: 'back' }, { type: 'back' }], s).screen).toEqual({ name: 'home' });
    expect(run([{ type: 'home' }], s)).toMatchObject({ screen: { name: 'home' }, history: [] });
  });

  it('with several procedures, the language choice leads to the procedure choice first', () => {
    const s = run([{ type: 'chooseLocale', locale: 'es', procedureCount: 2 }]);
    expect(s.screen).toEqual({ name: 'procedures' });
    const chosen = run([{ type: 'chooseProcedure', procedureId: 'b' }], s);
    expect(chosen).toMatchObject({ procedureId: 'b', screen: { name: 'home' } });
    expect(run([{ type: 'chooseLocale', locale: 'ar', procedureCount: 2 }], chosen).screen).toEqual({ name: 'home' });
  });

  it('walkthrough steps replace the screen, so Back leaves the walkthrough', () => {
    const s = run([
      { type: 'chooseLocale', locale: 'en' },
      { type: 'navigate', screen: { name: 'walkthrough', step: 0 } },
      { type: 'replace', screen: { name: 'walkthrough', step: 1 } },
      { type: 'replace', screen: { name: 'walkthrough', step: 2 } },
    ]);
    expect(run([{ type: 'back' }], s).screen).toEqual({ name: 'home' });
  });

  it('text size has three steps; contrast and motion toggle', () => {
    const s = run([{ type: 'setTextSize', size: 2 }, { type: 'toggleContrast' }, { type: 'toggleMotion' }]);
    expect(s.display).toEqual({ textSize: 2, highContrast: true, reducedMotion: true });
    expect(run([{ type: 'toggleContrast' }], s).display.highContrast).toBe(false);
  });

  it('reset forgets everything: language, screen, history, display, quiz answers', () => {
    const s = run([
      { type: 'chooseLocale', locale: 'hi' },
      { type: 'setTextSize', size: 1 },
      { type: 'toggleContrast' },
      { type: 'quiz', action: { type: 'answer', questionId: 'order', optionId: 'a' } },
      { type: 'navigate', screen: { name: 'quiz' } },
      { type: 'reset' },
    ]);
    expect(s).toEqual(initialKioskState);
  });
});

describe('quiz flow', () => {
  const questions = [
    { id: 'q1', answer: 'b' },
    { id: 'q2', answer: 'a' },
  ];
  it('keeps the first answer, moves on, and finishes after the last question', () => {
    let q = quizReducer(initialQuiz, { type: 'answer', questionId: 'q1', optionId: 'c' });
    q = quizReducer(q, { type: 'answer', questionId: 'q1', optionId: 'b' });
    expect(q.answers).toEqual({ q1: 'c' });
    q = quizReducer(q, { type: 'next', total: 2 });
    expect(q.index).toBe(1);
    q = quizReducer(q, { type: 'answer', questionId: 'q2', optionId: 'a' });
    q = quizReducer(q, { type: 'next', total: 2 });
    expect(q.finished).toBe(true);
    expect(scoreQuiz(questions, q.answers)).toEqual({ right: 1, total: 2, missed: ['q1'] });
    expect(quizReducer(q, { type: 'restart' })).toEqual(initialQuiz);
  });
});

describe('walkthrough navigation', () => {
  it('moves within four steps plus the closing screen', () => {
    expect(moveStep(0, 'previous', 4)).toBe(0);
    expect(moveStep(0, 'next', 4)).toBe(1);
    expect(moveStep(3, 'next', 4)).toBe(4);
    expect(moveStep(4, 'next', 4)).toBe(4);
  });
  it('arrow keys and swipes follow reading direction', () => {
    expect(moveForKey('ArrowRight', 'ltr')).toBe('next');
    expect(moveForKey('ArrowRight', 'rtl')).toBe('previous');
    expect(moveForKey('ArrowLeft', 'rtl')).toBe('next');
    expect(moveForKey('Enter', 'ltr')).toBeNull();
    expect(moveForSwipe(-120, 10, 'ltr')).toBe('next');
    expect(moveForSwipe(120, 10, 'ltr')).toBe('previous');
    expect(moveForSwipe(120, 10, 'rtl')).toBe('next');
    expect(moveForSwipe(30, 0, 'ltr')).toBeNull();
    expect(moveForSwipe(-100, 200, 'ltr')).toBeNull();
  });
});

describe('idle timer', () => {
  it('warns after the idle time, gives at least 20 s, then expires', () => {
    const idleMs = 90_000;
    expect(idlePhase(0, 89_999, idleMs, 30_000)).toEqual({ phase: 'active' });
    expect(idlePhase(0, 90_000, idleMs, 30_000)).toEqual({ phase: 'warning', secondsLeft: 30 });
    expect(idlePhase(0, 119_500, idleMs, 30_000)).toEqual({ phase: 'warning', secondsLeft: 1 });
    expect(idlePhase(0, 120_000, idleMs, 30_000)).toEqual({ phase: 'expired' });
    // A warning shorter than 20 s is never used.
    expect(idlePhase(0, 90_000 + MIN_WARNING_MS - 1, idleMs, 5_000).phase).toBe('warning');
  });
});

describe('read aloud helpers', () => {
  const voice = (lang: string) => ({ lang, name: lang }) as SpeechSynthesisVoice;
  it('finds a voice for the language, and none when there is none', () => {
    const voices = [voice('en-US'), voice('es-ES'), voice('zh-TW'), voice('zh-CN')];
    expect(voiceFor(voices, 'es')?.lang).toBe('es-ES');
    expect(voiceFor(voices, 'zh-Hans')?.lang).toBe('zh-CN');
    expect(voiceFor(voices, 'ar')).toBeNull();
  });
  it('splits long text into short utterances at sentence ends', () => {
    const text = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
    const chunks = speechChunks(text, 100);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.every((c) => c.length <= 100)).toBe(true);
    expect(chunks.join(' ')).toBe(text);
  });
});

describe('staff language', () => {
  it('the staff member’s language is kept apart from the patient’s and ends with the staff session', () => {
    const s = run([
      { type: 'chooseLocale', locale: 'es' },
      { type: 'staffSignedIn', role: 'nurse' },
      { type: 'chooseStaffLocale', locale: 'ar' },
    ]);
    expect(s).toMatchObject({ locale: 'es', staffLocale: 'ar' });
    expect(run([{ type: 'navigate', screen: { name: 'discharge' } }], s)).toMatchObject({ locale: 'es', staffLocale: 'ar' });
    expect(run([{ type: 'reset' }], s)).toMatchObject({ locale: null, staffLocale: null, staffRole: 'public' });
  });
});
