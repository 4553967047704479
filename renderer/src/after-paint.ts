/**
 * After the next painted frame, once the page has nothing else to do (or after `timeout` ms
 * of waiting for that): where work that no screen is waiting for goes (main.tsx,
 * preload-language.ts).
 */
export const afterPaintWhenIdle = (timeout: number): Promise<void> =>
  new Promise((done) =>
    requestAnimationFrame(() => {
      if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => done(), { timeout });
      else window.setTimeout(done, 50);
    }),
  );
