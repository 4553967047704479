import { useEffect, useState } from 'react';
import { useUiText } from '../../hooks/useUiText';
import { useLoad, LoadState } from './admin-shared';
import { voiceFor } from '../../hooks/useSpeech';
import { canSpeakLocale } from '../../../../electron/shared/speech';
import type { Locale } from '../../../../electron/shared/content-types';

/**
 * Read aloud per language: which voice speaks it on this kiosk, whether the clinic allows the
 * computer's own voice for it, and, for a language nothing can speak, why.
 */
export function ReadAloudSettings({ languages, allowed, onChange }: { languages: Locale[]; allowed: string[]; onChange: (codes: string[]) => void }) {
  const { t } = useUiText();
  const [info] = useLoad('getAppInfo', {});
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>([]);
  useEffect(() => {
    const synth = 'speechSynthesis' in window ? window.speechSynthesis : null;
    if (!synth) return;
    const update = () => setVoices(synth.getVoices());
    update();
    synth.addEventListener('voiceschanged', update);
    return () => synth.removeEventListener('voiceschanged', update);
  }, []);
  if (info.state !== 'ready') return <LoadState loaded={info} />;
  const speech = info.value.speech;
  return (
    <div className="read-aloud-settings wide">
      <p className="field-hint">{speech.builtInProblem ? t('admin.settings.speechBuiltInBroken', { problem: speech.builtInProblem }) : t('admin.settings.speechBuiltInOk', { version: speech.builtInVersion ?? '?' })}</p>
      <ul className="speech-languages">
        {languages.map((l) => {
          const platform = voiceFor(voices, l.code) !== null;
          const speakable = canSpeakLocale(l.code, { ...speech, platformVoiceLocales: allowed }, platform);
          const builtIn = speech.builtInLocales.includes(l.code);
          const reason = speech.builtInProblem ? t('admin.settings.speechReasonBroken') : t('admin.settings.speechReasonNoVoice');
          return (
            <li key={l.code} data-speech-locale={l.code} data-speakable={speakable ? 'yes' : 'no'}>
              <span className="speech-language">
                {l.englishName} ({l.code})
              </span>
              <span className="speech-state">
                {!speakable
                  ? t('admin.settings.speechCannot', { reason })
                  : allowed.includes(l.code) && platform
                    ? t('admin.settings.speechByPlatform')
                    : t('admin.settings.speechByBuiltIn')}
              </span>
              <label className="check">
                <input type="checkbox" checked={allowed.includes(l.code)} onChange={(e) => onChange(e.target.checked ? [...allowed, l.code] : allowed.filter((c) => c !== l.code))} />
                <span>{platform ? t('admin.settings.speechAllowPlatform') : t('admin.settings.speechAllowPlatformNone')}</span>
              </label>
              {!builtIn && !speakable && allowed.includes(l.code) && <span className="field-hint">{t('admin.settings.speechPlatformMissing')}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
