import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { t } from '../i18n/t';

interface Props {
  onHome: () => void;
  children: ReactNode;
}

/** Catches a rendering bug in one screen, so that the rest of the app (and the saved draft) stays usable. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="panel notice notice-error" role="alert">
        <h2>{t.unexpected}</h2>
        <p>{t.unexpectedHint}</p>
        <button type="button" className="btn" onClick={() => {
          this.setState({ error: null });
          this.props.onHome();
        }}>
          {t.backHome}
        </button>
      </div>
    );
  }
}
