import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useUiText } from '../hooks/useUiText';
import { useLocalesLoaded } from '../hooks/useLocaleReady';
import { BASE_FONT } from '../../../electron/shared/fonts';

/** The strings every language falls back to (i18n.ts bundles them). */
const fallbackStrings = [{ code: 'en', font: BASE_FONT }];

/**
 * A friendly screen with a way back, never a blank page. Its words are UI strings: a failure
 * before they are loaded (the first calls, ui-strings.ts) shows it once they are.
 */
export function ErrorScreen(props: { detail?: string; onRestart: () => void }) {
  const ready = useLocalesLoaded(fallbackStrings);
  return ready ? <ErrorText {...props} /> : <section className="error-screen" role="alert" aria-busy="true" />;
}

function ErrorText({ detail, onRestart }: { detail?: string; onRestart: () => void }) {
  const { t } = useUiText();
  return (
    <section className="error-screen" role="alert">
      <h1>{t('error.title')}</h1>
      <p>{t('error.body')}</p>
      {detail && <p className="error-detail">{detail}</p>}
      <button type="button" className="primary big" onClick={onRestart}>
        {t('error.retry')}
      </button>
    </section>
  );
}

export class ErrorBoundary extends Component<{ children: ReactNode; onRestart: () => void }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('screen failed', error.message, info.componentStack?.split('\n')[1]?.trim());
  }
  override render() {
    if (this.state.failed)
      return (
        <ErrorScreen
          onRestart={() => {
            this.setState({ failed: false });
            this.props.onRestart();
          }}
        />
      );
    return this.props.children;
  }
}
