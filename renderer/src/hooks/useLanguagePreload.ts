import { useEffect, useRef } from 'react';
import { useKiosk } from '../kiosk-context';
import { preloadLanguagesWhileShown } from '../preload-language';
import { warmHomeLayout } from '../screens/HomeWarmUp';

/**
 * While the calling screen is shown (the attract screen, the language list), every language's
 * home is made ready in idle time, one after another, ending with one off-screen layout of it,
 * so whichever language a patient picks shows at once (preload-language.ts, screens/HomeWarmUp.tsx).
 */
export function useLanguagePreload(): void {
  const kiosk = useKiosk();
  // The off-screen home renders with the kiosk as it is when its turn comes.
  const latest = useRef(kiosk);
  useEffect(() => {
    latest.current = kiosk;
  });
  const { locales, procedureId } = kiosk;
  useEffect(() => preloadLanguagesWhileShown(locales, procedureId, (locale, home) => warmHomeLayout(latest.current, locale, home)), [locales, procedureId]);
}
