import { Component, type ErrorInfo, type ReactNode } from 'react';
import { reloadPage } from '../lib/route';

export type ErrorBoundaryProps = {
  children: ReactNode;
  /** What to show instead; a full-page message with a reload button when omitted. */
  fallback?: (error: Error, reset: () => void) => ReactNode;
  /** A change of this value (the URL, say) clears the error: navigating away recovers. */
  resetKey?: string;
};

type State = { error: Error | null };

/** A rendering bug shows a way out, never a blank page. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Participant Inspector failed to render', error, info.componentStack);
  }

  override componentDidUpdate(previous: ErrorBoundaryProps) {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.reset();
  }

  reset = () => this.setState({ error: null });

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (this.props.fallback) return this.props.fallback(error, this.reset);
    return (
      <div role="alert" className="mx-auto max-w-xl p-8">
        <h1 className="text-lg font-semibold">Something went wrong on this page</h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{error.message}</p>
        <button
          type="button"
          className="mt-4 rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white dark:bg-slate-100 dark:text-slate-900"
          onClick={reloadPage}
        >
          Reload the page
        </button>
      </div>
    );
  }
}
