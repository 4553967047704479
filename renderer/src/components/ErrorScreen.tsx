import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A friendly screen with a way back, never a blank page. */
export function ErrorScreen({ detail, onRestart }: { detail?: string; onRestart: () => void }) {
  const { t } = useTranslation();
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
