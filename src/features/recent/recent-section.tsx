import { type ReactNode, useId } from 'react';

export type RecentSectionProps = {
  title: string;
  /** The Clear button's words ("Clear recent lookups"). */
  clearLabel: string;
  onClear: () => void;
  note?: ReactNode;
  children: ReactNode;
};

/** A recent list's card: its heading, Clear, and its links. */
export function RecentSection({ title, clearLabel, onClear, note, children }: RecentSectionProps) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        <button
          type="button"
          onClick={onClear}
          className="text-sm text-brand-700 underline dark:text-brand-500"
        >
          {clearLabel}
        </button>
      </div>
      {note ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{note}</p> : null}
      <ul className="mt-2 grid gap-1 sm:grid-cols-2">{children}</ul>
    </section>
  );
}
