import { Component, type ErrorInfo, type ReactNode } from 'react';
import { createLogger } from '../../shared/logger';

const log = createLogger('ui');

type State = { error: Error | null };

/** Shows what went wrong instead of a blank window; the coach's data is untouched either way. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    log.error(error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="crash" role="alert">
        <h1>Something went wrong on this screen</h1>
        <p>Your notes are saved as you type, so nothing you entered before this was lost.</p>
        <pre className="crash-detail">{error.message}</pre>
        <div className="row">
          <button type="button" className="primary" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button
            type="button"
            onClick={() => {
              window.location.hash = '#/today';
              window.location.reload();
            }}
          >
            Go to Today
          </button>
        </div>
      </main>
    );
  }
}
