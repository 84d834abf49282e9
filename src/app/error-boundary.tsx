import { Component, type ErrorInfo, type ReactNode } from 'react';

export type ErrorBoundaryProps = { children: ReactNode };

/** The last line of defence: a rendering bug shows a way out, never a blank page. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Participant Inspector failed to render', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="mx-auto max-w-xl p-8">
        <h1 className="text-lg font-semibold">Something went wrong on this page</h1>
        <p className="mt-2 text-sm text-slate-600">{this.state.error.message}</p>
        <button
          type="button"
          className="mt-4 rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white"
          onClick={() => window.location.reload()}
        >
          Reload the page
        </button>
      </div>
    );
  }
}
