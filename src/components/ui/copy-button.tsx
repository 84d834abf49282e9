import { useEffect, useState } from 'react';

export type CopyButtonProps = {
  /** What goes on the clipboard (a function: built only when the button is pressed). */
  value: string | (() => string | Promise<string>);
  /** Names the button for screen readers: "Copy {label}". */
  label: string;
  /** Visible text; an icon-sized "Copy" when omitted. */
  children?: string;
};

type State = 'idle' | 'copied' | 'failed';

/** Copies a value; says whether it worked, in words a screen reader announces. */
export function CopyButton({ value, label, children }: CopyButtonProps) {
  const [state, setState] = useState<State>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(typeof value === 'function' ? await value() : value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  const text =
    state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : (children ?? 'Copy');
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={`Copy ${label}`}
      className="shrink-0 rounded-md border border-slate-300 px-1.5 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      <span aria-live="polite">{text}</span>
    </button>
  );
}
