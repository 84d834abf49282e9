import { type ReactNode, useId } from 'react';

export type CardProps = {
  /** The card's heading; also its accessible name when `label` is not given. */
  title: ReactNode;
  /** The region's accessible name (a stable contract for screen readers and tests). */
  label?: string;
  children: ReactNode;
  className?: string;
};

/** A titled region of the page. */
export function Card({ title, label, children, className = '' }: CardProps) {
  const headingId = useId();
  return (
    <section
      aria-label={label}
      aria-labelledby={label ? undefined : headingId}
      className={`rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900 ${className}`}
    >
      <h2 id={headingId} className="text-base font-semibold">
        {title}
      </h2>
      <div className="mt-4">{children}</div>
    </section>
  );
}
